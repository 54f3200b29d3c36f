// Issue 11, item 11: a 100 KB TOML of nested arrays overflowed the stack in the daemon and in
// `validate`. The depth is checked before the parser sees the text, with a located error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/common/package-root.js';
import { validateProjectText } from '../../../src/config/load-project.js';
import { checkTomlDepth, MAX_TOML_DEPTH } from '../../../src/config/toml-depth.js';
import { parseToml } from '../../../src/config/toml-parse.js';

const arrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const inlineTables = (n: number) => `${'{b='.repeat(n)}1${'}'.repeat(n)}`;
const dotted = (n: number) => Array.from({ length: n }, () => 'k').join('.');

describe('checkTomlDepth', () => {
  it.each<[string, string, { line: number; column: number; message: RegExp } | null]>([
    ['64 nested arrays', `a = ${arrays(64)}`, null],
    ['65 nested arrays', `a = ${arrays(65)}`, { line: 1, column: 5 + 64, message: /^arrays nested deeper than 64 levels/ }],
    [
      '50,000 nested arrays after a comment line',
      `# a comment [[[[\na = ${arrays(50_000)}\n`,
      { line: 2, column: 69, message: /^arrays nested deeper than 64 levels/ },
    ],
    ['63 nested inline tables', `a = ${inlineTables(63)}`, null],
    ['30,000 nested inline tables', `a = ${inlineTables(30_000)}`, { line: 1, column: 6 + 63 * 3, message: /^inline tables nested deeper than 64 levels/ }],
    ['arrays of inline tables', `a = ${'[{b='.repeat(40)}1${'}]'.repeat(40)}`, { line: 1, column: 7 + 31 * 4, message: /^inline tables nested deeper/ }],
    ['a key of 64 parts', `${dotted(64)} = 1`, null],
    ['a key of 20,000 parts', `${dotted(20_000)} = 1`, { line: 1, column: 1, message: /^a key nested deeper than 64 levels/ }],
    ['a header of 20,000 parts', `x = 1\n[${dotted(20_000)}]\ny = 1`, { line: 2, column: 1, message: /^a table header of more than 64 dotted parts/ }],
    [
      'a key under a deep header',
      `[${dotted(40)}]\n${dotted(30)} = 1`,
      { line: 2, column: 1, message: /^a key nested deeper than 64 levels \(with its table header\)/ },
    ],
    ['arrays under a deep header', `[${dotted(60)}]\nk = ${arrays(10)}`, { line: 2, column: 5 + 4, message: /^arrays nested/ }],
    [
      'brackets inside strings and comments',
      `a = "${'['.repeat(500)}"\nb = '${'{'.repeat(500)}'\nc = """\n${'['.repeat(500)}\n"""\n# ${'['.repeat(500)}\nd = [1, 2] # ${'['.repeat(500)}`,
      null,
    ],
    ['an escaped quote in a string', `a = "\\"[[[["\nb = ${arrays(3)}`, null],
    ['a multi-line array', `a = [\n  [1, 2], # [[[[\n  [3, 4],\n]\nb = ${arrays(65)}`, { line: 5, column: 5 + 64, message: /^arrays nested/ }],
    ['a multi-line string before the deep value', `a = """\nline\nline"""\nb = ${arrays(65)}`, { line: 4, column: 5 + 64, message: /^arrays nested/ }],
  ])('%s', (_name, text, expected) => {
    const found = checkTomlDepth(text);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject({ line: expected.line, column: expected.column, message: expect.stringMatching(expected.message) });
  });

  it(`reports through parseToml with the file, line, column and a short snippet`, () => {
    const result = parseToml(`name = "x"\na = ${arrays(50_000)}\n`, '.dot-agent-deck.toml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue).toMatchObject({ file: '.dot-agent-deck.toml', line: 2, column: 5 + MAX_TOML_DEPTH, severity: 'error' });
    expect(result.issue.message).toBe('arrays nested deeper than 64 levels; a config file never needs that many, so the file was not read');
    // The snippet shows the spot, not the whole 100 KB line.
    expect(result.issue.snippet!.length).toBeLessThan(200);
    const [shown, caret] = result.issue.snippet!.split('\n');
    expect(shown![caret!.indexOf('^')]).toBe('[');
  });

  // Under [[orchestrations]] a key starts 3 deep, so the 63rd bracket is the 65th level.
  it('validates a 100 KB project file of nested arrays with an error instead of overflowing', () => {
    const text = `[[orchestrations]]\nname = "dev"\nroles = ${arrays(50_000)}\n`;
    const result = validateProjectText(text, '.dot-agent-deck.toml');
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 3, column: 9 + 62, message: expect.stringMatching(/^arrays nested deeper than 64 levels/) }),
    ]);
  });

  const examples = readdirSync(packagePath('examples')).filter((name) => existsSync(packagePath('examples', name, '.dot-agent-deck.toml')));
  it.each(examples)('leaves examples/%s alone', (name) => {
    expect(checkTomlDepth(readFileSync(packagePath('examples', name, '.dot-agent-deck.toml'), 'utf8'))).toBeNull();
  });
});
