// `dot-agent-deck demo` as a newcomer runs it: the deck opens on the demo tab with five cards,
// the cards change as the simulated team works, the auditor asks a question that the test
// answers in its pane, the loop finishes, and leaving removes the demo's panes and project.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('the demo in the deck', () => {
  it('shows the team at work, takes an answer from the user, finishes the loop and cleans up', async () => {
    // TMPDIR: the demo project lands inside the test's world.
    session = await openDeckSession({ args: ['demo'], before: (deck) => void (deck.env.TMPDIR = deck.root) });
    const { deck, harness } = session;
    await deck.waitForScreen(
      'the demo tab opens with five cards',
      (s) => /^ Dashboard +demo/.test(s) && /1 orchestrator\s+\S[\s\S]*2 coder\s+\S[\s\S]*3 reviewer\s+\S[\s\S]*4 auditor\s+\S[\s\S]*5 release\s+\S/.test(s),
    );
    // The demo's hint stands in the status bar from the start until a newer message takes its place.
    await deck.waitForScreen('the demo says how to answer the auditor', /When the auditor needs input, press 4 to type into its pane and answer y\./);
    // The simulated agents report what they do (agent-event): the coder's card shows its task and tools.
    await deck.waitForScreen(
      'the coder card shows its task and a tool at work',
      (s) => /2 coder\s+working: (Read|Edit|Bash)/.test(s) && /▸ Add a --json flag to/.test(s),
      45_000,
    );
    const project = (await harness.panes())[0]!.cwd;
    expect(project.startsWith(harness.deck.root)).toBe(true);

    await deck.waitForScreen('the auditor card changes to needs input', /4 auditor\s+needs input/, 45_000);
    deck.type('4');
    await deck.waitForScreen(
      'typing into the auditor pane, which shows the question',
      (s) => / TYPING /.test(s) && /▌4 auditor — /.test(s) && /Also scan the lockfile for known vulnerabilities\? \[y\/n\] *$/m.test(s),
    );
    deck.type('y');
    deck.type('\r');
    await deck.waitForScreen(
      'the auditor reports and its card no longer needs input',
      (s) => /\$ dot-agent-deck work-done --task-file \.dot-agent-deck\/demo\/report-auditor\.md → exit 0/.test(s) && !/needs input/.test(s),
      15_000,
    );

    deck.type('\x04'); // the prefix: COMMAND mode
    await deck.waitForScreen('COMMAND mode', / COMMAND /);
    deck.type('1');
    await deck.waitForScreen('the orchestrator closes the run', /▌1 orchestrator — [\s\S]*work-done --done[\s\S]*?→ exit 0/, 45_000);
    deck.type('\x04');
    await deck.waitForScreen('COMMAND mode again', / COMMAND /);
    deck.type('t');
    await deck.waitForScreen(
      'the timeline shows the fix loop and the end of the run',
      (s) => /Timeline of demo/.test(s) && /reviewer → orchestrator {2}completed/.test(s) && /orchestrator {2}finished the run/.test(s),
    );
    deck.type('\x1b');
    await deck.waitForScreen('the timeline closes', (s) => !/Timeline of demo/.test(s));

    deck.type('\x03');
    await deck.waitForScreen('the quit dialog', /Detach/);
    deck.type('\r');
    const exit = await deck.exited;
    expect(exit.exitCode, deck.output()).toBe(0);
    expect(deck.output()).toContain(`Closed the demo's panes and removed ${project}.`);
    expect(await harness.panes()).toEqual([]);
    expect(existsSync(project)).toBe(false);
  }, 120_000);
});
