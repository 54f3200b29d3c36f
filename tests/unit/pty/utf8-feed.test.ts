import { StringDecoder } from 'node:string_decoder';
import { describe, expect, it } from 'vitest';
import { incompleteTail, Utf8Feed } from '../../../src/pty/utf8-feed.js';

const b = (...bytes: (number | string)[]) => Buffer.concat(bytes.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from([part]))));

/** What the in-thread path gives xterm: node-pty's StringDecoder over the same chunks. */
function stringDecoder(chunks: Uint8Array[]): string {
  const decoder = new StringDecoder('utf8');
  return chunks.map((chunk) => decoder.write(Buffer.from(chunk))).join('') + decoder.end();
}

function feed(chunks: Uint8Array[]): { text: string; kinds: string[] } {
  const utf8 = new Utf8Feed();
  const kinds: string[] = [];
  let text = '';
  for (const chunk of chunks) {
    const out = utf8.next(chunk);
    kinds.push(typeof out === 'string' ? 'string' : 'bytes');
    text += typeof out === 'string' ? out : Buffer.from(out).toString('utf8');
  }
  return { text: text + utf8.end(), kinds };
}

describe('incompleteTail', () => {
  it.each<[string, Buffer, number]>([
    ['ASCII', b('abc'), 0],
    ['a complete é', b('caf', 0xc3, 0xa9), 0],
    ['the lead of a 2-byte character', b('caf', 0xc3), 1],
    ['2 of 3 bytes of 漢', b('x', 0xe6, 0xbc), 2],
    ['3 of 4 bytes of an emoji', b(0xf0, 0x9f, 0x98), 3],
    ['a complete emoji', b(0xf0, 0x9f, 0x98, 0x80), 0],
    ['a lead byte past U+10FFFF', b('a', 0xf8), 0],
    ['only continuation bytes', b(0x80, 0x80), 0],
    ['four continuation bytes', b('a', 0x80, 0x80, 0x80, 0x80), 0],
    ['empty', b(), 0],
  ])('%s', (_name, bytes, held) => {
    expect(incompleteTail(bytes)).toBe(held);
  });
});

describe('Utf8Feed', () => {
  it.each<[string, Buffer[], string[]]>([
    ['ASCII and colours go as bytes', [b('\x1b[31mred\x1b[0m\r\n')], ['bytes']],
    ['a character split across chunks is joined', [b('caf', 0xc3), b(0xa9, ' au lait')], ['bytes', 'bytes']],
    ['漢 split after its first byte', [b('x', 0xe6), b(0xbc, 0xa2, 'y')], ['bytes', 'bytes']],
    ['an emoji split byte by byte', [b(0xf0), b(0x9f), b(0x98), b(0x80)], ['bytes', 'bytes', 'bytes', 'bytes']],
    ['a stray continuation byte is decoded (U+FFFD)', [b('ok ', 0x80, ' ok')], ['string']],
    ['a Latin-1 byte is decoded', [b('caf', 0xe9, ' au lait')], ['string']],
    ['a lead byte followed by ASCII', [b('a', 0xe2), b('AB')], ['bytes', 'string']],
    ['U+FEFF is decoded (xterm drops it)', [b('a', 0xef, 0xbb, 0xbf, 'b')], ['string']],
    ['U+FEFF split across chunks', [b('a', 0xef, 0xbb), b(0xbf, 'b')], ['bytes', 'string']],
    ['a surrogate is decoded', [b('ab', 0xed, 0xa0, 0x80)], ['string']],
    ['an overlong slash is decoded', [b('x', 0xc0, 0xaf)], ['string']],
    ['a sequence cut at the end of the stream', [b('end ', 0xe2, 0x9c)], ['bytes']],
    ['valid again after an invalid chunk', [b(0xff), b('fine')], ['string', 'bytes']],
  ])('%s: the text StringDecoder gives', (_name, chunks, kinds) => {
    const out = feed(chunks);
    expect(out.text).toBe(stringDecoder(chunks));
    expect(out.kinds).toEqual(kinds);
  });

  it('gives the same text as StringDecoder for random bytes cut at random places', () => {
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      // Mostly valid multi-byte text with some noise, so that tails and joins are exercised.
      const text = Buffer.from('a漢é😀\u00a0\ufeff'.repeat(4));
      const bytes = Buffer.from(text.map((byte) => (random() < 0.03 ? Math.floor(random() * 256) : byte)));
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 7);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(feed(chunks).text).toBe(stringDecoder(chunks));
    }
  });
});
