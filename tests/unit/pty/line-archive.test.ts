import { afterEach, describe, expect, it } from 'vitest';
import { LineArchive, type RawCell, type StoredLine } from '../../../src/pty/line-archive.js';
import { createHeadlessTerminal, writeAndParse, type HeadlessTerminal } from '../../helpers/headless-terminal.js';

// Every line of a real xterm buffer, packed and decoded, must give back the same words: content,
// fg, bg, combined characters and extended attributes (underline style and colour, link id).
const terminals: HeadlessTerminal[] = [];
afterEach(() => {
  for (const term of terminals.splice(0)) term.dispose();
});

function storedLines(term: HeadlessTerminal): StoredLine[] {
  const lines = (term as unknown as { _core: { buffers: { normal: { lines: { length: number; get(i: number): StoredLine } } } } })._core.buffers.normal.lines;
  return Array.from({ length: lines.length }, (_, i) => lines.get(i));
}

function words(cell: RawCell): string {
  const extended = cell.bg & 0x10000000 ? (cell.extended as unknown as { _ext: number; _urlId: number }) : undefined;
  return JSON.stringify([cell.content, cell.fg, cell.bg, cell.content & 0x200000 ? cell.combinedData : '', extended?._ext ?? 0, extended?._urlId ?? 0]);
}

async function packAndCompare(bytes: string, cols: number): Promise<string[]> {
  const term = createHeadlessTerminal(cols, 4);
  terminals.push(term);
  term.options.scrollback = 1000;
  await writeAndParse(term, bytes);
  const archive = new LineArchive({ maxLines: 10_000, maxBytes: 1 << 24 }, () => term.buffer.normal.getNullCell());
  const lines = storedLines(term);
  for (const line of lines) archive.push(line);
  const differences: string[] = [];
  const want = term.buffer.normal.getNullCell() as RawCell;
  const got = term.buffer.normal.getNullCell() as RawCell;
  lines.forEach((_, y) => {
    const original = term.buffer.normal.getLine(y)!;
    const packed = archive.line(y)!;
    if (packed.length !== original.length || packed.isWrapped !== original.isWrapped) differences.push(`line ${y}: shape`);
    if (packed.translateToString(true) !== original.translateToString(true)) differences.push(`line ${y}: text`);
    for (let x = 0; x < cols; x++) {
      original.getCell(x, want);
      packed.getCell(x, got);
      if (words(want) !== words(got)) differences.push(`(${x},${y}) want ${words(want)} got ${words(got)}`);
    }
  });
  return differences;
}

describe('LineArchive: packed lines decode word for word', () => {
  it.each([
    ['plain Latin-1 text (one byte per cell)', 'hello caf\u00e9 na\u00efve\r\n\u00bfqu\u00e9?'],
    ['blank lines and trailing blanks', '\r\n\r\n   x   \r\n'],
    ['16, 256 and true colours, every attribute', '\x1b[31mred\x1b[38;5;200m256\x1b[48;2;1;2;3mrgb\x1b[1;2;3;5;7;8;9;53mall\x1b[0m end'],
    ['background colour erase to the edge', '\x1b[44mblue\x1b[K\x1b[0m\r\n\x1b[41m\x1b[2K\x1b[0m'],
    ['wide characters (two bytes per cell, placeholders implied)', '漢字 and → ✔ … 中文字符'],
    ['a wide character in the last column wraps', 'abcdefghijklmnopqrs漢'],
    ['emoji outside the BMP (content words)', 'smile 😀 rocket 🚀'],
    ['combining characters', 'e\u0301 a\u0308 n\u0303'],
    ['underline styles and colours (extended attributes)', '\x1b[4:3mcurly\x1b[4:1m\x1b[58:5:196msingle red\x1b[59m\x1b[4:5mdashed\x1b[0m plain'],
    ['a hyperlink', '\x1b]8;;https://example.com\x07link\x1b]8;;\x07 after'],
    ['long wrapped lines', `${'0123456789'.repeat(7)}`],
  ])('%s', async (_name, bytes) => {
    expect(await packAndCompare(bytes, 20)).toEqual([]);
  });

  it('evicts the oldest lines past the line limit and keeps reading the rest', async () => {
    const term = createHeadlessTerminal(10, 2);
    terminals.push(term);
    term.options.scrollback = 100;
    await writeAndParse(term, Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\r\n'));
    const archive = new LineArchive({ maxLines: 10, maxBytes: 1 << 20 }, () => term.buffer.normal.getNullCell());
    for (const line of storedLines(term)) archive.push(line);
    expect(archive.length).toBe(10);
    expect(Array.from({ length: 10 }, (_, i) => archive.line(i)?.translateToString(true))).toEqual(Array.from({ length: 10 }, (_, i) => `line ${40 + i}`));
    expect(archive.line(10)).toBeUndefined();
    archive.clear();
    expect([archive.length, archive.bytes]).toEqual([0, 0]);
  });

  it('reads back right through chunks it freed and filled again', async () => {
    // Without a shared budget the archive fills the chunk it freed last again: what is read must
    // come from this use of the chunk, never the bytes it held before (longer lines then).
    const term = createHeadlessTerminal(40, 2);
    terminals.push(term);
    term.options.scrollback = 400;
    const text = Array.from({ length: 300 }, (_, i) => `\x1b[3${i % 8}m${i}\x1b[0m ${'x'.repeat(i < 150 ? 30 : 2)}`);
    await writeAndParse(term, text.join('\r\n'));
    const archive = new LineArchive({ maxLines: 20, maxBytes: 1 << 20, chunkBytes: 512 }, () => term.buffer.normal.getNullCell());
    for (const line of storedLines(term)) archive.push(line);
    expect(archive.bytes).toBeLessThanOrEqual(3 * 512);
    const last = storedLines(term).slice(-20);
    expect(Array.from({ length: 20 }, (_, i) => archive.line(i)?.translateToString(true))).toEqual(
      last.map((line) => (line as unknown as { translateToString(trim: boolean): string }).translateToString(true)),
    );
  });
});
