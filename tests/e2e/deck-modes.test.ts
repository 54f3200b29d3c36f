// A workspace mode as a person uses it in the built deck: Ctrl+n, the Mode field on the mode,
// Enter; the agent pane on the left, two persistent panes on the right, the seed prompt delivered
// to a stand-in agent that announces shell commands through each agent CLI's pre-tool hook
// payload (`dot-agent-deck hook`), the reactive pool re-running the matching ones; j/k and Esc
// move the focus; after a detach the tab comes back; closing it closes every pane after one question.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { preToolPayload, writeModeProject, type ShellAgent } from '../helpers/mode-project.js';
import { SIM_AGENT } from '../helpers/orchestration-project.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

/** The screen row that holds `text` (a pane's title, drawn on its frame). */
const rowWith = (screen: string, text: string) => screen.split('\n').find((row) => row.includes(text)) ?? '';

const COMMANDS: Array<[ShellAgent, string]> = [
  ['claude-code', `printf '%s\\n' "claude $((40+2))"`],
  ['codex', `printf 'codex %s\\n' "$0"`],
  ['gemini', "printf 'gemini %s\\n' ok"],
  ['opencode', "printf 'opencode %s\\n' ok"],
];

describe('workspace modes in the deck', () => {
  it('opens a mode tab, re-runs the agent commands beside it, keeps it across a detach, and closes it whole', async () => {
    session = await openDeckSession({
      before: (deck) => {
        writeModeProject(deck.home, { extra: ['seed_prompt = "run the checks"'] });
        // The stand-in agent: on the seed prompt it announces four shell commands, one per CLI.
        const actions = COMMANDS.map(([agent, script]) => ({ hook: { agent, payload: preToolPayload(agent, script) } }));
        writeFileSync(join(deck.home, 'agent.json'), JSON.stringify({ startDelayMs: 100, workMs: 10, turns: [{ after: ['^run the checks$'], actions }] }));
        // default_command prefills the form's Command: the agent pane runs it.
        mkdirSync(deck.configDir, { recursive: true });
        writeFileSync(join(deck.configDir, 'config.toml'), `default_command = ${JSON.stringify(`node ${SIM_AGENT} --script agent.json`)}\n`);
      },
      cols: 160,
      rows: 48,
    });
    let { deck } = session;
    deck.type('\x0e');
    await deck.waitForScreen('the directory picker opens', /New pane: choose a directory/);
    deck.type(' ');
    await deck.waitForScreen('the form lists the mode', /Mode\s+‹ no mode ›/);
    deck.type('\x1b[Z\x1b[C'); // up to Mode, then the next one: the first [[modes]]
    await deck.waitForScreen('the mode is chosen', /‹ mode: dev ›[\s\S]*Enter opens mode dev in a new tab/);
    deck.type('\r');

    await deck.waitForScreen('the persistent panes run beside the agent', /persistent-watched[\s\S]*streamed-once/, 20_000);
    await deck.waitForScreen('the seed prompt reached the agent', /» run the checks/, 20_000);
    const screen = await deck.waitForScreen(
      'the pool of two shows the last two commands, titled with command and time',
      (s) => /gemini ok/.test(s) && /opencode ok/.test(s) && /printf 'opencode %s\\n' ok · \d\d:\d\d:\d\d/.test(s),
      20_000,
    );
    // Agent on the left half, side panes on the right: their titles start in the same column.
    const sideColumn = rowWith(screen, '2 ticks —').indexOf('2 ticks —');
    expect(sideColumn).toBeGreaterThan(80);
    expect(rowWith(screen, '3 once —').indexOf('3 once —')).toBe(sideColumn);
    expect(rowWith(screen, 'sim-agent agent ready').indexOf('sim-agent')).toBeLessThan(sideColumn / 2);
    const panes = (await session.harness.panes()).filter((pane) => pane.tab === 'dev');
    expect(panes.map((pane) => pane.mode?.part)).toEqual(['agent', 'persistent', 'persistent', 'reactive', 'reactive']);

    // COMMAND mode: j moves the focus to the first side pane, Esc brings it back to the agent.
    deck.type('\x04');
    await deck.waitForScreen('COMMAND mode, the agent pane framed', /┏▌1 home — node[\s\S]* COMMAND /);
    deck.type('j');
    await deck.waitForScreen('the focus (the bold frame) is on the ticks pane', /┌ 1 home — node.*┏▌2 ticks — /);
    deck.type('\x1b');
    await deck.waitForScreen('Esc returns to the agent pane', /┏▌1 home — node.*┌ 2 ticks — /);

    // Detach and come back: the tab, its panes and its pool are still there.
    deck.type('\x03');
    await deck.waitForScreen('the quit dialog', /Leave the deck\?/);
    deck.type('\r');
    await deck.exited;
    deck = await session.reopen({ cols: 160, rows: 48 });
    // The deck comes back on the tab it left (the saved view), in the mode's layout.
    await deck.waitForScreen(
      'the mode tab is back with its panes',
      (s) => /┏▌1 home — node.*┌ 2 ticks — /.test(s) && /gemini ok/.test(s) && /opencode ok/.test(s),
      20_000,
    );

    deck.type('\x17'); // ctrl+w
    await deck.waitForScreen('one question for the whole tab', /Close tab "dev"\?[\s\S]*its 5 panes/);
    deck.type('y');
    await waitFor('every pane of the tab is closed', async () => (await session!.harness.panes()).every((pane) => pane.tab !== 'dev'));
  });
});
