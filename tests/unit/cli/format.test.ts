import { describe, expect, it } from 'vitest';
import { requireCommand } from '../../../src/cli/command-line.js';
import { shellQuote, table } from '../../../src/cli/format.js';

describe('shellQuote', () => {
  it.each([
    ['plain', 'plain'],
    ['with space', "'with space'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
    ['$HOME', "'$HOME'"],
    ['a/b-c.d_e', 'a/b-c.d_e'],
  ])('%j → %s', (input, output) => expect(shellQuote(input)).toBe(output));
});

describe('requireCommand', () => {
  it.each([
    { words: ['npm test && ls'], env: {}, expected: 'npm test && ls' },
    { words: ['bash', '-c', 'echo hi'], env: {}, expected: "bash -c 'echo hi'" },
    { words: [], env: { SHELL: '/bin/zsh' }, expected: '/bin/zsh' },
    { words: [], env: {}, expected: '/bin/sh' },
  ])('$words → $expected', ({ words, env, expected }) => expect(requireCommand(words, env)).toBe(expected));
});

describe('table', () => {
  it('aligns columns and leaves the last one unpadded', () => {
    expect(
      table(
        ['ID', 'NAME', 'CWD'],
        [
          ['p1', 'coder', '/a'],
          ['p10', 'x', '/bb'],
        ],
      ),
    ).toBe('ID   NAME   CWD\np1   coder  /a\np10  x      /bb\n');
  });
});
