import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { InkOutput } from '../../../../src/tui/app/ink-output.js';

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';

function fakeStdout(cols = 80, rows = 24) {
  const stdout = Object.assign(new EventEmitter(), {
    columns: cols,
    rows,
    written: [] as string[],
    write(text: string) {
      this.written.push(text);
      return true;
    },
  });
  return stdout;
}

function setup() {
  const stdout = fakeStdout();
  let paints = 0;
  const output = new InkOutput({ stdout: stdout as unknown as NodeJS.WriteStream, paintAll: () => `<panes${++paints}>` });
  return { stdout, output };
}

describe('InkOutput', () => {
  it('repaints the panes inside the synchronized block, right after Ink’s frame', () => {
    const { stdout, output } = setup();
    output.write(BSU);
    output.write('line1\nline2\n');
    output.write(ESU);
    expect(stdout.written.join('')).toBe(`${BSU}\x1b[?25l\x1b[1;1Hline1\nline2\n<panes1>${ESU}`);
  });

  it('starts each Ink frame on the row where the last one left the cursor', () => {
    const { stdout, output } = setup();
    output.write(BSU);
    output.write('a\nb\nc\n');
    output.write(ESU);
    stdout.written.length = 0;
    output.write(BSU);
    expect(stdout.written[0]).toBe(`${BSU}\x1b[?25l\x1b[4;1H`);
  });

  it('moves the cursor home before writes outside a block too', () => {
    const { stdout, output } = setup();
    output.write('\x1b[2K');
    expect(stdout.written[0]).toBe('\x1b[?25l\x1b[1;1H\x1b[2K');
  });

  it('reports the terminal size and its changes', () => {
    const { stdout, output } = setup();
    const before = output.get();
    let resized = 0;
    output.subscribe(() => resized++);
    stdout.columns = 100;
    stdout.rows = 30;
    stdout.emit('resize');
    expect(resized).toBe(1);
    expect(output.get()).toEqual({ cols: 100, rows: 30 });
    expect(output.get()).not.toBe(before);
    expect(output.get()).toBe(output.get());
  });
});
