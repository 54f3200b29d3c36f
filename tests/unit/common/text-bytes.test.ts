import { describe, expect, it } from 'vitest';
import { findTextProblem } from '../../../src/common/text-bytes.js';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('findTextProblem', () => {
  it.each<[string, Buffer, ReturnType<typeof findTextProblem>]>([
    ['ASCII', bytes('Refactor the parser.\n'), null],
    ['UTF-8 of every length', bytes('é ✓ 𝄞 — naïve'), null],
    ['empty', bytes(''), null],
    ['a NUL byte', bytes('abc', [0], 'def'), { kind: 'nul', offset: 3 }],
    ['a Latin-1 byte', bytes('caf', [0xe9], ' au lait'), { kind: 'invalid-utf8', offset: 3 }],
    ['a stray continuation byte', bytes('ok ', [0x80]), { kind: 'invalid-utf8', offset: 3 }],
    ['an overlong slash', bytes('x', [0xc0, 0xaf]), { kind: 'invalid-utf8', offset: 1 }],
    ['a surrogate', bytes('ab', [0xed, 0xa0, 0x80]), { kind: 'invalid-utf8', offset: 2 }],
    ['past U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), { kind: 'invalid-utf8', offset: 0 }],
    ['a sequence cut at the end', bytes('end ', [0xe2, 0x9c]), { kind: 'invalid-utf8', offset: 4 }],
    ['a PNG header (bad byte before the NUL)', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), { kind: 'invalid-utf8', offset: 0 }],
    ['a NUL before a bad byte', bytes('a', [0], [0xff]), { kind: 'nul', offset: 1 }],
  ])('%s', (_name, input, expected) => {
    expect(findTextProblem(input)).toEqual(expected);
  });
});
