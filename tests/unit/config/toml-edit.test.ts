import TOML from '@iarna/toml';
import { describe, expect, it } from 'vitest';
import { setTomlValue, type TomlScalar } from '../../../src/config/toml-edit.js';

function edit(text: string, key: string, value: TomlScalar) {
  return setTomlValue(text, TOML.parse(text), key.split('.'), value);
}

describe('setTomlValue', () => {
  it.each<[string, string, string, TomlScalar, string]>([
    [
      'replaces a value and keeps the comments',
      '# mine\nscrollback_lines = 300 # short\n',
      'scrollback_lines',
      500,
      '# mine\nscrollback_lines = 500 # short\n',
    ],
    ['replaces a value inside a table', '[bell]\n# ring?\nenabled = true\n', 'bell.enabled', false, '[bell]\n# ring?\nenabled = false\n'],
    ['adds a key under its existing table', '[bell]\nenabled = true\n', 'bell.finished', true, '[bell]\nfinished = true\nenabled = true\n'],
    ['adds a table at the end', 'scrollback_lines = 300\n', 'bell.enabled', false, 'scrollback_lines = 300\n\n[bell]\nenabled = false\n'],
    [
      'adds a top-level key after the last top-level key',
      'a = 1\n\n[bell]\nenabled = true\n',
      'default_command',
      'x',
      'a = 1\ndefault_command = "x"\n\n[bell]\nenabled = true\n',
    ],
    ['adds a top-level key before the first header', '[bell]\nenabled = true\n', 'default_command', 'x', 'default_command = "x"\n\n[bell]\nenabled = true\n'],
    ['writes a new file', '', 'bell.enabled', false, '[bell]\nenabled = false\n'],
    ['escapes strings', '', 'default_command', 'say "hi"\\', 'default_command = "say \\"hi\\"\\\\"\n'],
    [
      'replaces a multi-line string whole',
      'default_command = """\nx\n"""\nscrollback_lines = 1\n',
      'default_command',
      'y',
      'default_command = "y"\nscrollback_lines = 1\n',
    ],
  ])('%s', (_name, text, key, value, expected) => {
    expect(edit(text, key, value)).toEqual({ text: expected, preservedLayout: true });
  });

  it('rewrites the document, keeping every key, when an in-place edit would not read back right', () => {
    // `bell.enabled` written as a dotted key: appending a [bell] table would redefine it.
    const result = edit('bell.enabled = true\nscrollback_lines = 300\n', 'bell.finished', true);
    expect(result.preservedLayout).toBe(false);
    expect(TOML.parse(result.text)).toEqual({ bell: { enabled: true, finished: true }, scrollback_lines: 300 });
  });
});
