import { describe, expect, it } from 'vitest';
import type { PathSegments } from '../../../src/config/config-issue.js';
import { TomlLocations } from '../../../src/config/toml-locations.js';

const DOC = [
  '# comment with [brackets] and key = "value"', //  1
  'top = 1', //                                        2
  'dotted.key = "x" # trailing', //                   3
  '', //                                               4
  '[features]', //                                     5
  '  experimental = true', //                         6
  '', //                                               7
  '[[orchestrations]]', //                             8
  'name = "a"', //                                     9
  '[[orchestrations.roles]]', //                      10
  'name = "one"', //                                  11
  'prompt_template = """', //                         12
  'name = "not a key"', //                            13
  '[[orchestrations.roles]] is text too', //         14
  '"""', //                                           15
  'clear = false', //                                 16
  '[[orchestrations.roles]]', //                      17
  "description = '''", //                             18
  "also ''not'' the end", //                          19
  "'''", //                                           20
  '"quoted key" = 2', //                              21
  '[[orchestrations]]', //                            22
  'roles = [ { name = "x", start = true },', //       23
  '          { name = "y" } ]', //                    24
  'keys = ["a",', //                                  25
  '  "b", # comment', //                              26
  '  "c"]', //                                        27
  '[[orchestrations]]', //                            28
  'inline = { a = 1, b = { c = 2 } }', //            29
  'date = 1979-05-27 07:32:00Z', //                  30
  'after = 3', //                                     31
].join('\n');

const locations = TomlLocations.scan(DOC);

describe('TomlLocations', () => {
  it.each<[string, PathSegments, number, number]>([
    ['top-level key', ['top'], 2, 1],
    ['dotted key', ['dotted', 'key'], 3, 1],
    ['dotted key prefix', ['dotted'], 3, 1],
    ['table header', ['features'], 5, 1],
    ['indented key in a table', ['features', 'experimental'], 6, 3],
    ['first array-of-tables entry', ['orchestrations', 0], 8, 1],
    ['bare array path → its first header', ['orchestrations'], 8, 1],
    ['key in an array-of-tables entry', ['orchestrations', 0, 'name'], 9, 1],
    ['nested array entry', ['orchestrations', 0, 'roles', 0], 10, 1],
    ['key before a multi-line string', ['orchestrations', 0, 'roles', 0, 'prompt_template'], 12, 1],
    ['key after a multi-line string', ['orchestrations', 0, 'roles', 0, 'clear'], 16, 1],
    ['header-looking text inside a string is not a header', ['orchestrations', 0, 'roles', 1], 17, 1],
    ['literal multi-line string', ['orchestrations', 0, 'roles', 1, 'description'], 18, 1],
    ['quoted key', ['orchestrations', 0, 'roles', 1, 'quoted key'], 21, 1],
    ['second array-of-tables entry', ['orchestrations', 1], 22, 1],
    ['inline array of inline tables', ['orchestrations', 1, 'roles', 0], 23, 11],
    ['key inside an inline table', ['orchestrations', 1, 'roles', 0, 'start'], 23, 25],
    ['inline table on a continuation line', ['orchestrations', 1, 'roles', 1, 'name'], 24, 13],
    ['array element after a comment', ['orchestrations', 1, 'keys', 2], 27, 3],
    ['nested inline table', ['orchestrations', 2, 'inline', 'b', 'c'], 29, 25],
    ['key after a date with a space', ['orchestrations', 2, 'after'], 31, 1],
  ])('%s', (_name, path, line, column) => {
    expect(locations.locate(path)).toEqual({ line, column });
  });

  it.each<[string, PathSegments, number, number]>([
    ['missing key → its table header', ['orchestrations', 0, 'roles', 1, 'command'], 17, 1],
    ['missing key in a table → the header', ['features', 'other'], 5, 1],
    ['nothing written at all → line 1', ['modes', 0, 'name'], 1, 1],
  ])('falls back: %s', (_name, path, line, column) => {
    expect(locations.locate(path)).toEqual({ line, column });
  });

  it('remembers the first header and the header each key line is written under', () => {
    expect(locations.firstHeader?.text).toBe('[features]');
    expect(locations.get(['orchestrations', 0, 'roles', 0, 'clear'])?.header?.text).toBe('[[orchestrations.roles]]');
    expect(locations.get(['orchestrations', 1, 'roles', 0, 'start'])?.header).toBeUndefined();
  });

  it('records value extents for in-place edits', () => {
    const entry = locations.get(['dotted', 'key']);
    expect(DOC.slice(entry?.valueStart, entry?.valueEnd)).toBe('"x"');
    const date = locations.get(['orchestrations', 2, 'date']);
    expect(DOC.slice(date?.valueStart, date?.valueEnd)).toBe('1979-05-27 07:32:00Z');
  });

  it('counts columns in code points and accepts CRLF line ends', () => {
    const text = 'a = "é🙂"\r\n[t]\r\nb = { c = "🙂", d = 1 }\r\n';
    const scanned = TomlLocations.scan(text);
    expect(scanned.locate(['t', 'b', 'd'])).toEqual({ line: 3, column: 16 });
  });

  it('scans a large file in linear time', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `[[r]]\nname = "n${i}"\nprompt = """\nx\n"""`).join('\n');
    const scanned = TomlLocations.scan(big);
    expect(scanned.locate(['r', 19_999, 'name'])).toEqual({ line: 99_997, column: 1 });
  });
});
