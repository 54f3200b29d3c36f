import { describe, expect, it } from 'vitest';
import { ACTIONS, DEFAULT_KEYBINDINGS, mergeKeybindings, validateKeybindingsText } from '../../../src/config/keybindings.js';
import { parseKey } from '../../../src/config/key-syntax.js';

const FILE = 'keybindings.toml';

describe('default keybindings', () => {
  it('bind every action with valid, canonical, distinct keys', () => {
    expect(Object.keys(DEFAULT_KEYBINDINGS)).toEqual(ACTIONS);
    const all = Object.values(DEFAULT_KEYBINDINGS).flat();
    for (const key of all) expect(parseKey(key)).toEqual({ ok: true, key });
    expect(new Set(all).size).toBe(all.length);
  });

  it('match the documented keys', () => {
    expect(DEFAULT_KEYBINDINGS).toMatchObject({
      toggle_mode: ['ctrl+d'],
      prev_tab: ['ctrl+pageup'],
      next_tab: ['ctrl+pagedown'],
      select_next: ['j', 'down'],
      select_prev: ['k', 'up'],
      quit: ['ctrl+c'],
    });
  });
});

describe('mergeKeybindings', () => {
  it('replaces an action’s keys and keeps the other defaults', () => {
    const { bindings, warnings } = mergeKeybindings({ new_pane: 'ctrl+o', filter: ['/', 'f'] });
    expect(bindings.new_pane).toEqual(['ctrl+o']);
    expect(bindings.filter).toEqual(['/', 'f']);
    expect(bindings.help).toEqual(['?']);
    expect(warnings).toEqual([]);
  });

  it('canonicalises and de-duplicates keys, and an empty list unbinds', () => {
    const { bindings } = mergeKeybindings({ new_pane: ['Ctrl+N', 'ctrl+n'], timeline: [] });
    expect(bindings.new_pane).toEqual(['ctrl+n']);
    expect(bindings.timeline).toEqual([]);
  });

  it('moves a default key to the user’s action and says so', () => {
    const { bindings, warnings } = mergeKeybindings({ timeline: 'r' });
    expect(bindings.timeline).toEqual(['r']);
    expect(bindings.rename_pane).toEqual([]);
    expect(warnings).toEqual([
      {
        path: ['bindings', 'timeline'],
        message: '"r" was the default key of rename_pane and now runs timeline; rename_pane has no key left: give it one in [bindings]',
        severity: 'warning',
      },
    ]);
  });

  it('keeps a key for the first of two user actions that claim it', () => {
    const { bindings, warnings } = mergeKeybindings({ help: 'h', timeline: ['h', 'T'] });
    expect(bindings.help).toEqual(['h']);
    expect(bindings.timeline).toEqual(['T']);
    expect(warnings).toEqual([{ path: ['bindings', 'timeline'], message: '"h" is already bound to help above, which keeps it', severity: 'warning' }]);
  });

  it('ignores unknown actions with a suggestion', () => {
    const { warnings } = mergeKeybindings({ new_pan: 'ctrl+o' });
    expect(warnings).toEqual([
      { path: ['bindings', 'new_pan'], message: 'unknown action `new_pan` is ignored: did you mean `new_pane`?', severity: 'warning' },
    ]);
  });
});

describe('validateKeybindingsText', () => {
  it('locates merge warnings in the file', () => {
    const result = validateKeybindingsText('[bindings]\nnew_pane = "ctrl+o"\nnew_pan = "x"\n', FILE);
    expect(result.errors).toEqual([]);
    expect(result.bindings.new_pane).toEqual(['ctrl+o']);
    expect(result.warnings).toEqual([
      {
        file: FILE,
        line: 3,
        column: 1,
        path: 'bindings.new_pan',
        message: 'unknown action `new_pan` is ignored: did you mean `new_pane`?',
        severity: 'warning',
      },
    ]);
  });

  it.each<[string, string, { line: number; column: number; path: string; message: string }]>([
    [
      'bad key syntax',
      '[bindings]\nnew_pane = "ctrl+"',
      { line: 2, column: 1, path: 'bindings.new_pane', message: '"ctrl+" ends with "+": name the key after the modifiers, e.g. "ctrl+d"' },
    ],
    [
      'bad key in a list',
      '[bindings]\nselect_next = ["j", "dwn"]',
      { line: 2, column: 21, path: 'bindings.select_next[1]', message: 'unknown key "dwn": did you mean "down"?' },
    ],
    ['neither a key nor a list', '[bindings]\nhelp = 1', { line: 2, column: 1, path: 'bindings.help', message: 'expected a string or an array, got 1' }],
    [
      'remapping quit',
      '[bindings]\nquit = "q"',
      { line: 2, column: 1, path: 'bindings.quit', message: 'quit is always ctrl+c and cannot be remapped: remove this line' },
    ],
    [
      'ctrl+c for another action',
      '[bindings]\nhelp = ["?", "ctrl+c"]',
      { line: 2, column: 1, path: 'bindings.help', message: 'ctrl+c is reserved for quit and cannot be bound to another action' },
    ],
    ['an unknown table', '[binding]\nhelp = "h"', { line: 1, column: 1, path: 'binding', message: 'unknown key `binding`: did you mean `bindings`?' }],
  ])('reports %s', (_name, text, expected) => {
    const result = validateKeybindingsText(text, FILE);
    expect(result.errors).toEqual([{ file: FILE, severity: 'error', ...expected }]);
    expect(result.bindings).toBe(DEFAULT_KEYBINDINGS);
  });

  it('accepts quit = "ctrl+c" written out', () => {
    expect(validateKeybindingsText('[bindings]\nquit = "ctrl+c"\n', FILE).errors).toEqual([]);
  });
});
