import { describe, expect, it } from 'vitest';
import { FrameDecoder, encodeFrame } from '../../../src/protocol/framing.js';

const chunks = (...parts: string[]) => parts.map((part) => Buffer.from(part, 'utf8'));

describe('FrameDecoder', () => {
  it.each([
    { name: 'one frame', input: chunks('{"a":1}\n'), frames: ['{"a":1}'] },
    { name: 'two frames in one chunk', input: chunks('{"a":1}\n{"b":2}\n'), frames: ['{"a":1}', '{"b":2}'] },
    { name: 'a frame split across chunks', input: chunks('{"a"', ':1', '}\n'), frames: ['{"a":1}'] },
    { name: 'a partial frame is held back', input: chunks('{"a":1}\n{"b"'), frames: ['{"a":1}'] },
    { name: 'empty lines are skipped', input: chunks('\n\n{"a":1}\n\n'), frames: ['{"a":1}'] },
    { name: 'multi-byte UTF-8 split inside a character', input: [Buffer.from([0x22, 0xe2, 0x9d]), Buffer.from([0xaf, 0x22, 0x0a])], frames: ['"❯"'] },
  ])('decodes $name', ({ input, frames }) => {
    const decoder = new FrameDecoder();
    const out = input.flatMap((chunk) => decoder.push(chunk).frames);
    expect(out).toEqual(frames);
  });

  it.each([
    { name: 'a complete frame over the cap', input: chunks('x'.repeat(17) + '\n') },
    { name: 'an unterminated frame that grows past the cap', input: chunks('x'.repeat(10), 'x'.repeat(10)) },
  ])('reports $name as oversized and drops it', ({ input }) => {
    const decoder = new FrameDecoder(16);
    const errors = input.map((chunk) => decoder.push(chunk).error);
    expect(errors).toContain('oversized');
  });

  it('keeps the frames that came before an oversized one', () => {
    const decoder = new FrameDecoder(16);
    const result = decoder.push(Buffer.from(`{"ok":1}\n${'y'.repeat(40)}\n`));
    expect(result).toEqual({ frames: ['{"ok":1}'], error: 'oversized' });
  });

  it('round-trips values whose strings contain newlines', () => {
    const message = { text: 'line one\nline two\r\n', n: 3 };
    const decoder = new FrameDecoder();
    const [frame] = decoder.push(Buffer.from(encodeFrame(message))).frames;
    expect(JSON.parse(frame!)).toEqual(message);
  });
});
