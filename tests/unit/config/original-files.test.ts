// The Rust original's config.toml and keybindings.toml, written as its documentation writes them
// (docs/configuration.md, docs/keyboard-shortcuts.md, the project-file examples in
// tests/fixtures/original), load here without errors and mean the same.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateGlobalConfigText } from '../../../src/config/global-config.js';
import { DEFAULT_KEYBINDINGS, validateKeybindingsText } from '../../../src/config/keybindings.js';
import { validateProjectText } from '../../../src/config/load-project.js';
import { translateOriginalBindings } from '../../../src/config/original-keybindings.js';
import { configFile, keybindingsFile } from '../../../src/config/paths.js';

describe("the original's config.toml", () => {
  it.each([
    [
      'every key it documents',
      'default_command = "claude"\nauto_config_prompt = false\n[bell]\nenabled = true\non_waiting_for_input = false\non_idle = true\non_error = false\n',
      { default_command: 'claude', auto_config_prompt: false, bell: { enabled: true, needs_input: false, finished: true, error: false, blocked: true } },
    ],
    [
      'its defaults written out ("" leaves default_command unset)',
      'default_command = ""\nauto_config_prompt = true\n[bell]\nenabled = true\non_waiting_for_input = true\non_idle = false\non_error = true\n',
      { default_command: undefined, auto_config_prompt: true, bell: { enabled: true, needs_input: true, finished: false, error: true, blocked: true } },
    ],
    [
      'the bell switched off',
      '[bell]\nenabled = false\n',
      { auto_config_prompt: true, bell: { enabled: false, needs_input: true, finished: false, error: true } },
    ],
  ])('loads %s', (_name, text, expected) => {
    const result = validateGlobalConfigText(text, 'config.toml');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.value).toMatchObject(expected);
    expect(result.value).not.toHaveProperty('bell.on_idle');
  });

  it('locates a wrong type under the original name', () => {
    const result = validateGlobalConfigText('[bell]\non_idle = "yes"\n', 'config.toml');
    expect(result.errors.map((e) => [e.line, e.path])).toEqual([[2, 'bell.on_idle']]);
  });

  it('is found through DOT_AGENT_DECK_CONFIG and DOT_AGENT_DECK_KEYBINDINGS, as the original finds it', () => {
    expect(configFile({ DOT_AGENT_DECK_CONFIG: '/x/config.toml', HOME: '/h' })).toBe('/x/config.toml');
    expect(keybindingsFile({ DOT_AGENT_DECK_KEYBINDINGS: '/x/keys.toml', HOME: '/h' })).toBe('/x/keys.toml');
    expect(keybindingsFile({ HOME: '/h' })).toBe('/h/.config/dot-agent-deck/keybindings.toml');
  });
});

describe("the original's keybindings.toml", () => {
  it('loads the example from its documentation', () => {
    const text = [
      '# Only override what you need — defaults apply for everything else.',
      '[global]',
      'toggle_layout = "Alt+Shift+l"   # move it off Ctrl+t',
      'toggle_orchestration_split = "Alt+Shift+s"   # move it off Ctrl+l',
      'new_pane = ""                    # disable the new-pane shortcut',
      '',
      '[dashboard]',
      'help = "F1"                      # open help with F1 instead of ?',
      '',
    ].join('\n');
    const result = validateKeybindingsText(text, 'keybindings.toml');
    expect(result.errors).toEqual([]);
    expect(result.bindings).toMatchObject({ toggle_layout: ['alt+L'], new_pane: [], help: ['f1'], filter: ['/'] });
    expect(result.warnings.map((w) => [w.line, w.path, w.message])).toEqual([
      [
        4,
        'global.toggle_orchestration_split',
        '`toggle_orchestration_split` is ignored: this deck sizes the orchestration sidebar itself; there is no split to toggle',
      ],
    ]);
  });

  it.each([
    ['global', 'dashboard', 'Ctrl+a', { toggle_mode: ['ctrl+a'] }],
    ['global', 'close_pane', 'Ctrl+x', { close_pane: ['ctrl+x'] }],
    ['dashboard', 'move_down', 'J', { select_next: ['J'] }],
    ['dashboard', 'move_up', 'Up', { select_prev: ['up'] }],
    ['dashboard', 'move_left', 'H', { prev_tab: ['H', 'ctrl+pageup'] }],
    ['dashboard', 'move_right', '', { next_tab: ['ctrl+pagedown'] }],
    ['dashboard', 'rename', 'Ctrl+r', { rename_pane: ['ctrl+r'] }],
    ['dashboard', 'focus_pane', 'Space', { focus_selected: ['space'] }],
    ['dashboard', 'approve_permission', 'a', { answer_yes: ['a'] }],
    ['dashboard', 'deny_permission', 'd', { answer_no: ['d'] }],
    ['dashboard', 'generate_config', 'G', { generate_config: ['G'] }],
    ['dashboard', 'scroll_pane_up', 'Ctrl+u', { scroll_up: ['ctrl+u'] }],
    ['dashboard', 'scroll_pane_down', 'Ctrl+f', { scroll_down: ['ctrl+f'] }],
  ] as const)('[%s] %s = %j becomes ours', (table, action, key, expected) => {
    const result = validateKeybindingsText(`[${table}]\n${action} = ${JSON.stringify(key)}\n`, 'keybindings.toml');
    expect(result.errors).toEqual([]);
    expect(result.bindings).toMatchObject(expected);
  });

  it.each([
    ['global', 'toggle_orchestration_lock', /no command-entry lock/],
    ['global', 'jump_3', /the digit 3 always jumps to card 3/],
    ['dashboard', 'clear_filter', /Escape always clears the filter/],
    ['dashboard', 'new_pane', /belongs in \[global\]/],
    ['global', 'quit', /unknown action `quit` is ignored/],
  ] as const)('[%s] %s is a warning that says why, and changes nothing', (table, action, why) => {
    const result = validateKeybindingsText(`[${table}]\n${action} = "x"\n`, 'keybindings.toml');
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(why)]);
    expect(result.bindings).toEqual(DEFAULT_KEYBINDINGS);
  });

  it('never lets ctrl+c run another action', () => {
    const { bindings, issues } = translateOriginalBindings({ global: { new_pane: 'Ctrl+c' } });
    expect(bindings).toEqual({});
    expect(issues).toEqual([expect.objectContaining({ path: ['global', 'new_pane'], severity: 'warning' })]);
  });

  it('reports a key it cannot read, at its line, and keeps every default', () => {
    const result = validateKeybindingsText('[dashboard]\nhelp = "Hyper+x"\n', 'keybindings.toml');
    expect(result.errors.map((e) => [e.line, e.path])).toEqual([[2, 'dashboard.help']]);
    expect(result.bindings).toEqual(DEFAULT_KEYBINDINGS);
  });

  it('lets our own [bindings] table win over the original tables, with a warning', () => {
    const result = validateKeybindingsText('[bindings]\nhelp = "f2"\n[dashboard]\nhelp = "F1"\n', 'keybindings.toml');
    expect(result.bindings.help).toEqual(['f2']);
    expect(result.warnings.map((w) => w.message)).toEqual(["help is also set in the original's tables; this line wins"]);
  });
});

describe("the original's project files, from its documentation", () => {
  const dir = fileURLToPath(new URL('../../fixtures/original/', import.meta.url));
  const files = readdirSync(dir).filter((name) => name.endsWith('.toml'));

  it('has the examples to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)('%s loads without errors', (name) => {
    const result = validateProjectText(readFileSync(join(dir, name), 'utf8'), name);
    expect(result.errors).toEqual([]);
    expect(result.value).toBeDefined();
  });
});
