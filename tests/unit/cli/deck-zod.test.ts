// The deck's process runs zod without its JIT (cli/deck-zod.ts, imported first by
// cli/deck-entry.ts): the protocol's schemas, loaded after the entry, parse their first messages
// without generating code, and still refuse what they refused.
import { describe, expect, it } from 'vitest';

const frame = {
  type: 'frame',
  frame: {
    paneId: 'p1',
    cols: 4,
    rows: 2,
    full: true,
    lines: [
      [0, '\x1b[0mab  '],
      [1, '\x1b[0m    '],
    ],
    cursor: { x: 2, y: 0, visible: true },
    modes: {
      bracketedPaste: false,
      applicationCursor: false,
      applicationKeypad: false,
      mouseTracking: 'none',
      mouseSgr: false,
      focusEvents: false,
      alternateScreen: false,
      cursorVisible: true,
    },
    title: '',
    scroll: { offset: 0, total: 0 },
  },
};

describe('zod in the deck', () => {
  it('parses the first frame without compiling a parser', async () => {
    await import('../../../src/cli/deck-entry.js');
    const { DaemonMessage } = await import('../../../src/protocol/messages.js');
    const compiled: string[] = [];
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: string[]) {
        compiled.push(args[args.length - 1] ?? '');
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      expect(DaemonMessage.safeParse(frame).success).toBe(true);
      expect(DaemonMessage.safeParse({ ...frame, frame: { ...frame.frame, cols: 0 } }).success).toBe(false);
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(compiled).toEqual([]);
  });
});
