import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineEncoder, type StoredLine } from '../../../src/pty/line-codec.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from '../../helpers/headless-terminal.js';

// The encoder's fast path for lines of narrow Latin-1 cells without extended attributes must pack
// every line byte for byte as the general path does (the archive decodes both the same way).
const terminals: HeadlessTerminal[] = [];
afterEach(() => {
  for (const term of terminals.splice(0)) term.dispose();
});

async function storedLines(bytes: string, cols: number): Promise<StoredLine[]> {
  const term = createHeadlessTerminal(cols, 4);
  terminals.push(term);
  term.options.scrollback = 100;
  await writeAndParse(term, bytes);
  const lines = (term as unknown as { _core: { buffers: { normal: { lines: { length: number; get(i: number): StoredLine } } } } })._core.buffers.normal.lines;
  return Array.from({ length: lines.length }, (_, i) => lines.get(i));
}

function packed(encoder: LineEncoder, line: StoredLine): { bytes: number[]; combined: [number, string][] } {
  const { size, combined } = encoder.encode(line);
  return { bytes: [...encoder.bytes.subarray(0, size)], combined: [...(combined ?? [])] };
}

describe('LineEncoder: the Latin-1 fast path', () => {
  it.each<[string, string, number]>([
    ['plain ASCII', 'hello world\r\nsecond line', 40],
    ['SGR colours, bold, 256 and true colour', '\x1b[31mred\x1b[0m \x1b[1;38;5;202mbold\x1b[48;2;1;2;3m rgb \x1b[0m plain', 40],
    ['Latin-1 letters', 'café crème brûlée ½ £ ÿ', 40],
    ['a full line and a wrapped one', 'x'.repeat(50), 20],
    ['a coloured blank tail', '\x1b[44mtext\x1b[K\x1b[0m', 30],
    ['an empty screen', '', 10],
    ['a wide character (general path)', 'ab 漢字 cd', 20],
    ['a combining mark (general path)', 'e\u0301 and more', 20],
    ['a curly underline (extended, general path)', 'a \x1b[4:3mcurly\x1b[0m b', 20],
    ['a link (extended, general path)', '\x1b]8;;https://example.com\x07link\x1b]8;;\x07 after', 20],
    ['a character above Latin-1 (general path)', 'arrow → here ✓', 20],
    ['Latin-1 after a wide character on the next line', '漢\r\nplain é', 20],
  ])('%s: the same bytes as the general path', async (_name, bytes, cols) => {
    const fast = new LineEncoder();
    const general = new LineEncoder(false);
    for (const line of await storedLines(bytes, cols)) expect(packed(fast, line)).toEqual(packed(general, line));
  });

  it.each<[string, string, boolean]>([
    ['a coloured Latin-1 line', '\x1b[32mok\x1b[0m café', true],
    ['a line with a wide character', 'ok 漢', false],
    ['a line with an underline style', '\x1b[4:3mok', false],
  ])('%s takes the fast path: %s', async (_name, bytes, taken) => {
    const [line] = await storedLines(bytes, 12);
    const encoder = new LineEncoder();
    const spy = vi.spyOn(encoder as unknown as { latin1Runs: () => number }, 'latin1Runs');
    encoder.encode(line!);
    expect(spy.mock.results[0]!.value > 0).toBe(taken);
  });
});
