import TOML from '@iarna/toml';
import { describe, expect, it } from 'vitest';
import { removeTomlTable } from '../../../src/config/toml-remove.js';
import type { TomlTable } from '../../../src/config/toml-parse.js';

describe('removeTomlTable', () => {
  it.each<[string, string, string, boolean]>([
    [
      'the table between two others, comments kept',
      '# mine\nscrollback_lines = 500\n\n[remotes.a]\nhost = "a"\n\n[remotes.b]\nhost = "b" # b\n\n[bell]\nenabled = false\n',
      '# mine\nscrollback_lines = 500\n\n[remotes.a]\nhost = "a"\n\n[bell]\nenabled = false\n',
      true,
    ],
    ['the last table', '[remotes.a]\nhost = "a"\n[remotes.b]\nhost = "b"\nport = 22\n', '[remotes.a]\nhost = "a"\n', true],
  ])('removes %s', (_what, text, expected, preserved) => {
    const edit = removeTomlTable(text, TOML.parse(text) as TomlTable, ['remotes', 'b']);
    expect(edit).toEqual({ text: expected, preservedLayout: preserved });
  });

  it('re-serialises when the table is written inline', () => {
    const text = 'remotes = { a = { host = "a" }, b = { host = "b" } }\n';
    const edit = removeTomlTable(text, TOML.parse(text) as TomlTable, ['remotes', 'b']);
    expect(edit.preservedLayout).toBe(false);
    expect(TOML.parse(edit.text)).toEqual({ remotes: { a: { host: 'a' } } });
  });
});
