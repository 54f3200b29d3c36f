// Cards a person can read at a glance, in the built deck: a stand-in agent (a shell in a pane)
// reports its status with `dot-agent-deck agent-event`, and its card shows the status word, the
// tool with its count and detail, the whole reason it waits, and the stats bar counts it.
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const REASON = 'Apply the schema migration to staging? [y/n]';

describe('cards', () => {
  it.each([
    [80, 24],
    [200, 50],
  ])('follow a stand-in agent that reports with agent-event at %i×%i', async (cols, rows) => {
    session = await openDeckSession({ cols, rows });
    const { deck, harness } = session;
    const agent = await session.newPane('agent');
    await session.newPane('shell');
    await deck.waitForScreen('the stats bar counts two running panes', /^ 2 running/m);

    const report = (args: string) => harness.ok(['send', agent, `dot-agent-deck agent-event ${args}`]);
    await report('--status working --tool Bash --detail "npm test"');
    await deck.waitForScreen('the card says working with its tool', /1 agent\s+working: Bash/);
    await report('--status working --tool Edit --detail src/list.ts');
    const working = await deck.waitForScreen('the card counts two tool calls', /Edit ×2 · src\/list\.ts/);
    expect(working).toMatch(/^ 1 working · 1 running/m);
    // The program, not the absolute command line; the directory under the home.
    expect(working).toMatch(cols >= 100 ? /~\/agent · (just now|\dm ago) · bash/ : /~\/agent · (just now|\dm ago) ·/);

    await report(`--status needs-input --detail "${REASON}"`);
    const waiting = await deck.waitForScreen('the card needs input', /1 agent\s+needs input/);
    // The whole reason, wrapped within the sidebar if it must be, never cut.
    const sidebar = waiting
      .split('\n')
      .map((line) => line.slice(0, cols >= 100 ? 32 : 26).replace(/^[▌\s]+/, ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(sidebar).toContain(`⚠ ${REASON}`);
    expect(waiting).toMatch(/^ 1 waiting · 1 running/m);

    await report('--status idle');
    await deck.waitForScreen('the card goes idle', /1 agent\s+idle/);
  });
});

describe('the needs-you queue', () => {
  it('walks the waiting panes across two tabs, oldest first, and counts them on the status bar', async () => {
    session = await openDeckSession();
    const { deck, harness } = session;
    const first = (await harness.ok(['new', '-n', 'first', '-t', 'alpha', '-p', session.dir('first'), '--', 'bash', '--norc', '--noprofile'])).trim();
    const second = (await harness.ok(['new', '-n', 'second', '-t', 'beta', '-p', session.dir('second'), '--', 'bash', '--norc', '--noprofile'])).trim();
    await deck.waitForScreen('both tabs', / alpha .* beta /);
    const ask = (pane: string, question: string) => harness.ok(['send', pane, `dot-agent-deck agent-event --status needs-input --detail "${question}"`]);
    await ask(first, 'Deploy? [y/n]');
    await deck.waitForScreen('one pane waits', / w 1 needs you /);
    await ask(second, 'Blocked on a token');
    await deck.waitForScreen('two panes wait', / w 2 need you /);

    deck.type('w');
    await deck.waitForScreen('the oldest waiting pane, in its tab, typing', (s) => / TYPING /.test(s) && /▌1 first — bash/.test(s));
    // The person answers: the agent says it works again, and leaves the queue.
    deck.type('dot-agent-deck agent-event --status working\r');
    await deck.waitForScreen('one waits now', /ctrl\+d w 1 needs you/);
    deck.type('\x04');
    await deck.waitForScreen('COMMAND mode', / COMMAND /);
    deck.type('w');
    await deck.waitForScreen('the next waiting pane, in the other tab', (s) => / TYPING /.test(s) && /▌1 second — bash/.test(s));
    deck.type('dot-agent-deck agent-event --status idle\r');
    await deck.waitForScreen('nobody waits', (s) => !/need/.test(s.split('\n').at(-2) ?? s));
  });
});
