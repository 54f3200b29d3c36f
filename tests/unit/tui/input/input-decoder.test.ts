import { describe, expect, it } from 'vitest';
import { createInputDecoder } from '../../../../src/tui/input/input-decoder.js';
import { bytes, summarize } from './summarize.js';

const STREAMS: Array<[string, string]> = [
  ['text with UTF-8', 'héllo 漢字 🙂'],
  ['cursor keys and function keys', '\x1b[A\x1bOB\x1b[1;5C\x1b[15;2~\x1b[Z'],
  ['a paste holding the prefix', 'a\x1b[200~line1\rline2\x04\x1b[A\x1b[201~b'],
  ['mouse reports', '\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<64;1;1M'],
  ['focus and alt keys', '\x1b[I\x1bx\x1b[O'],
];

describe('createInputDecoder', () => {
  it.each(STREAMS)('gives the same events for %s however the bytes are split', (_name, text) => {
    const input = bytes(text);
    const whole = createInputDecoder().push(input).map(summarize);
    for (let cut = 1; cut < input.length; cut++) {
      const decoder = createInputDecoder();
      const events = [...decoder.push(input.subarray(0, cut)), ...decoder.push(input.subarray(cut))];
      expect(events.map(summarize), `split at byte ${cut}`).toEqual(whole);
    }
  });

  it('delivers a paste split into single bytes as one event', () => {
    const decoder = createInputDecoder();
    const events = [...bytes('\x1b[200~a\r\x04b\x1b[201~')].flatMap((byte) => decoder.push(Buffer.from([byte])));
    expect(events.map(summarize)).toEqual(['paste:a\r\x04b']);
  });

  it.each<[string, string, boolean]>([
    ['a lone ESC', '\x1b', true],
    ['half a CSI', '\x1b[1;', true],
    ['half a UTF-8 character', '\xc3', true],
    ['an open paste', '\x1b[200~abc', false],
    ['nothing', 'abc', false],
  ])('after %s, hasIncomplete is %s', (_name, input, expected) => {
    const decoder = createInputDecoder();
    decoder.push(Buffer.from(input, 'latin1'));
    expect(decoder.hasIncomplete()).toBe(expected);
  });

  it('turns a lone ESC into Escape on flush, and then has nothing pending', () => {
    const decoder = createInputDecoder();
    expect(decoder.push(bytes('\x1b'))).toEqual([]);
    expect(decoder.flush().map(summarize)).toEqual(['key:escape']);
    expect(decoder.hasIncomplete()).toBe(false);
    expect(decoder.flush()).toEqual([]);
  });

  it('reads ESC followed by a sequence in the next chunk as that sequence', () => {
    const decoder = createInputDecoder();
    decoder.push(bytes('\x1b'));
    expect(decoder.push(bytes('[B')).map(summarize)).toEqual(['key:down']);
  });

  it('delivers an oversized paste in pieces and still ends it at the marker', () => {
    const decoder = createInputDecoder(4);
    const first = decoder.push(bytes('\x1b[200~abcdef'));
    expect(first.map(summarize)).toEqual(['paste:abcdef']);
    expect(decoder.hasIncomplete()).toBe(false);
    const second = decoder.push(bytes('gh\x04\x1b[201~x'));
    expect(second.map(summarize)).toEqual(['paste:gh\x04', 'key:x']);
  });
});
