import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_PANE_MODES, type PaneModes } from '../../../src/protocol/pane-types.js';
import { ParseScheduler } from '../../../src/pty/parse-scheduler.js';
import { PaneTerminal } from '../../../src/pty/pane-terminal.js';
import { DEFAULT_REPORTED_COLOURS } from '../../../src/pty/query-replies.js';

const terminals: PaneTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.dispose();
});

function paneTerminal(): PaneTerminal {
  const terminal = new PaneTerminal({ cols: 20, rows: 5, scrollback: 100 });
  terminals.push(terminal);
  return terminal;
}

const feed = (terminal: PaneTerminal, data: string) => new Promise<void>((resolve) => terminal.write(data, resolve));

const DEFAULTS: PaneModes = PLAIN_PANE_MODES;

describe('PaneTerminal modes', () => {
  it.each<[string, string, Partial<PaneModes>]>([
    ['nothing yet', '', {}],
    ['bracketed paste (2004)', '\x1b[?2004h', { bracketedPaste: true }],
    ['application cursor keys (DECCKM)', '\x1b[?1h', { applicationCursor: true }],
    ['application keypad (DECKPAM)', '\x1b=', { applicationKeypad: true }],
    ['X10 mouse (9)', '\x1b[?9h', { mouseTracking: 'x10' }],
    ['normal mouse tracking (1000)', '\x1b[?1000h', { mouseTracking: 'vt200' }],
    ['button-event tracking (1002)', '\x1b[?1002h', { mouseTracking: 'drag' }],
    ['any-event tracking (1003)', '\x1b[?1003h', { mouseTracking: 'any' }],
    ['SGR mouse encoding (1006)', '\x1b[?1006h', { mouseSgr: true }],
    ['SGR mouse switched off', '\x1b[?1006h\x1b[?1006l', {}],
    ['SGR-pixels replaces SGR cells', '\x1b[?1006h\x1b[?1016h', {}],
    ['focus events (1004)', '\x1b[?1004h', { focusEvents: true }],
    ['alternate screen (1049)', '\x1b[?1049h', { alternateScreen: true }],
    ['back from the alternate screen', '\x1b[?1049h\x1b[?1049l', {}],
    ['hidden cursor (DECTCEM)', '\x1b[?25l', { cursorVisible: false }],
    ['shown again', '\x1b[?25l\x1b[?25h', {}],
    ['several modes in one sequence', '\x1b[?25l\x1b[?1006;25;2004h', { mouseSgr: true, bracketedPaste: true }],
    ['cursor visibility is not per screen', '\x1b[?25l\x1b[?1049h', { cursorVisible: false, alternateScreen: true }],
    ['RIS resets everything', '\x1b[?25l\x1b[?1006h\x1b[?2004h\x1b[?1000h\x1b[?1h\x1b[?1049h\x1bc', {}],
    ['DECSTR shows the cursor and keeps the mouse encoding', '\x1b[?25l\x1b[?1006h\x1b[!p', { mouseSgr: true }],
  ])('%s', async (_name, bytes, expected) => {
    const terminal = paneTerminal();
    await feed(terminal, bytes);
    expect(terminal.modes).toEqual({ ...DEFAULTS, ...expected });
  });
});

describe('PaneTerminal replies to queries', () => {
  const { foreground, background } = DEFAULT_REPORTED_COLOURS;

  it.each<[string, string, string[]]>([
    ['background colour (OSC 11, BEL)', '\x1b]11;?\x07', [`\x1b]11;${background}\x1b\\`]],
    ['foreground colour (OSC 10, ST)', '\x1b]10;?\x1b\\', [`\x1b]10;${foreground}\x1b\\`]],
    ['chained OSC 10;?;? asks for 10 and 11', '\x1b]10;?;?\x07', [`\x1b]10;${foreground}\x1b\\`, `\x1b]11;${background}\x1b\\`]],
    ['setting a colour is not a query', '\x1b]10;#ffffff\x07', []],
    ['XTVERSION', '\x1b[>0q', ['\x1bP>|dot-agent-deck\x1b\\']],
    ['XTVERSION without a parameter', '\x1b[>q', ['\x1bP>|dot-agent-deck\x1b\\']],
    ['not XTVERSION with another parameter', '\x1b[>1q', []],
    ['primary device attributes, answered by xterm', '\x1b[c', ['\x1b[?1;2c']],
    ['cursor position report, answered by xterm', '\x1b[2;3H\x1b[6n', ['\x1b[2;3R']],
  ])('%s', async (_name, query, replies) => {
    const terminal = paneTerminal();
    const seen: string[] = [];
    terminal.onReply((data) => seen.push(data));
    await feed(terminal, query);
    expect(seen).toEqual(replies);
  });
});

describe('PaneTerminal title and reset', () => {
  it('reports title changes (OSC 0 and 2)', async () => {
    const terminal = paneTerminal();
    const titles: string[] = [];
    terminal.onTitleChange((title) => titles.push(title));
    await feed(terminal, '\x1b]2;working\x07\x1b]0;✳ idle\x07');
    expect(titles).toEqual(['working', '✳ idle']);
    expect(terminal.title).toBe('✳ idle');
  });

  it('reset clears screen, modes and title behind earlier output', async () => {
    const terminal = paneTerminal();
    const titles: string[] = [];
    terminal.onTitleChange((title) => titles.push(title));
    terminal.write('old text\x1b]2;old\x07\x1b[?2004h', () => undefined);
    await new Promise<void>((resolve) => terminal.reset(resolve));
    expect(terminal.text()).toEqual(['', '', '', '', '']);
    expect(terminal.modes).toEqual(DEFAULTS);
    expect(terminal.title).toBe('');
    expect(titles).toEqual(['old', '']);
  });

  it('resizes', () => {
    const terminal = paneTerminal();
    terminal.resize(33, 7);
    expect([terminal.cols, terminal.rows]).toEqual([33, 7]);
    expect(terminal.render().lines).toHaveLength(7);
  });
});

describe('PaneTerminal parsing in slices', () => {
  function slicedTerminal(sliceChars: number): PaneTerminal {
    const terminal = new PaneTerminal({ cols: 20, rows: 5, scrollback: 100, scheduler: new ParseScheduler({ sliceChars }) });
    terminals.push(terminal);
    return terminal;
  }

  it('puts characters split between slices back together (surrogate pairs, escape sequences)', async () => {
    const terminal = slicedTerminal(1);
    await feed(terminal, 'a😀b\x1b[31mred\x1b[0m\x1b]0;title\x07');
    expect(terminal.text()[0]).toBe('a😀bred');
    expect(terminal.title).toBe('title');
    expect(terminal.pendingChars).toBe(0);
  });

  it('keeps a reset behind the output queued before it', async () => {
    const terminal = slicedTerminal(2);
    const order: string[] = [];
    terminal.write('old program\x1b[?2004h', () => order.push('output'));
    const reset = new Promise<void>((resolve) =>
      terminal.reset(() => {
        order.push('reset');
        resolve();
      }),
    );
    expect(terminal.pendingChars).toBeGreaterThan(0);
    await reset;
    expect(order).toEqual(['output', 'reset']);
    expect(terminal.text()[0]).toBe('');
    expect(terminal.modes.bracketedPaste).toBe(false);
  });
});
