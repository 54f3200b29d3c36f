import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_CONFIG, loadGlobalConfig, validateGlobalConfigText } from '../../../src/config/global-config.js';
import { SETTING_KEYS, checkSettingKey, parseSettingValue } from '../../../src/config/setting-value.js';

describe('global config', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_GLOBAL_CONFIG).toEqual({
      auto_config_prompt: true,
      scrollback_lines: 10_000,
      scrollback_memory_mib: 32,
      bell: { enabled: true, needs_input: true, blocked: true, error: true, finished: false },
      notifications: { desktop: true, min_interval_seconds: 10, needs_input: true, blocked: true, error: true, finished: true },
      remotes: {},
    });
  });

  it.each<[string, string, { line: number; column: number; path: string; message: string }]>([
    [
      'scrollback below the minimum',
      'scrollback_lines = 10',
      { line: 1, column: 1, path: 'scrollback_lines', message: '10 is too small: must be at least 100' },
    ],
    [
      'scrollback above the maximum',
      'scrollback_lines = 500000',
      { line: 1, column: 1, path: 'scrollback_lines', message: '500000 is too large: must be at most 200000 (each line costs memory in every pane)' },
    ],
    [
      'shared scrollback memory below the minimum',
      'scrollback_memory_mib = 1',
      { line: 1, column: 1, path: 'scrollback_memory_mib', message: '1 is too small: must be at least 4' },
    ],
    [
      'a remote host that would be an ssh option',
      '[remotes.gpu]\nhost = "-oProxyCommand=x"',
      {
        line: 2,
        column: 1,
        path: 'remotes.gpu.host',
        message: 'must be a host name, an address or a Host alias of your ssh config (letters, digits, ".", "-", ":"; not starting with "-")',
      },
    ],
    ['string for a bell switch', '[bell]\nenabled = "off"', { line: 2, column: 1, path: 'bell.enabled', message: 'expected a boolean, got "off"' }],
    [
      'typo in a table',
      '[notifications]\ndesktp = false',
      { line: 2, column: 1, path: 'notifications.desktp', message: 'unknown key `desktp`: did you mean `desktop`?' },
    ],
    [
      'top-level setting under a table',
      '[bell]\nenabled = true\nscrollback_lines = 500',
      {
        line: 3,
        column: 1,
        path: 'bell.scrollback_lines',
        message:
          '`scrollback_lines` is a top-level setting: move it above the first table header ([bell] on line 1); written here, TOML reads it as a key of the [bell] table above it',
      },
    ],
    [
      'empty notify command',
      '[notifications]\nnotify_command = ""',
      { line: 2, column: 1, path: 'notifications.notify_command', message: 'must not be empty: remove the line to use the default notifier' },
    ],
  ])('reports %s with its line', (_name, text, expected) => {
    expect(validateGlobalConfigText(text, 'config.toml').errors).toEqual([{ file: 'config.toml', severity: 'error', ...expected }]);
  });

  describe('loadGlobalConfig', () => {
    let root: string | undefined;
    afterEach(() => {
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('uses the defaults when the file does not exist, and reads it from $XDG_CONFIG_HOME', async () => {
      root = mkdtempSync(join(tmpdir(), 'dad-config-'));
      const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') };
      expect(await loadGlobalConfig(env)).toMatchObject({ config: DEFAULT_GLOBAL_CONFIG, exists: false, errors: [] });

      mkdirSync(join(root, 'xdg', 'dot-agent-deck'), { recursive: true });
      writeFileSync(join(root, 'xdg', 'dot-agent-deck', 'config.toml'), 'default_command = "claude"\n[bell]\nfinished = true\n');
      const loaded = await loadGlobalConfig(env);
      expect(loaded.file).toBe(join(root, 'xdg', 'dot-agent-deck', 'config.toml'));
      expect(loaded.config?.default_command).toBe('claude');
      expect(loaded.config?.bell).toEqual({ ...DEFAULT_GLOBAL_CONFIG.bell, finished: true });
    });
  });
});

describe('config set values', () => {
  it('lists every leaf setting by dotted key', () => {
    expect(SETTING_KEYS).toEqual([
      'default_command',
      'auto_config_prompt',
      'scrollback_lines',
      'scrollback_memory_mib',
      'bell.enabled',
      'bell.needs_input',
      'bell.blocked',
      'bell.error',
      'bell.finished',
      // The Rust original's names, so its `config set bell.on_idle true` works here too.
      'bell.on_waiting_for_input',
      'bell.on_idle',
      'bell.on_error',
      'notifications.desktop',
      'notifications.notify_command',
      'notifications.min_interval_seconds',
      'notifications.needs_input',
      'notifications.blocked',
      'notifications.error',
      'notifications.finished',
    ]);
  });

  it.each<[string, string, unknown]>([
    ['bell.enabled', 'false', { ok: true, path: ['bell', 'enabled'], value: false }],
    ['scrollback_lines', '5000', { ok: true, path: ['scrollback_lines'], value: 5000 }],
    ['default_command', 'claude --model opus', { ok: true, path: ['default_command'], value: 'claude --model opus' }],
    ['default_command', 'true', { ok: true, path: ['default_command'], value: 'true' }],
    ['bell.enabled', 'yes', { ok: false, message: 'bell.enabled is true or false, not "yes"' }],
    ['scrollback_lines', '1e4', { ok: false, message: 'scrollback_lines is a whole number, not "1e4"' }],
  ])('%s %s', (key, text, expected) => {
    expect(parseSettingValue(key, text)).toEqual(expected);
  });

  it('suggests the setting a typo was meant to be, and explains tables', () => {
    expect(checkSettingKey('bell.enabeld')).toMatchObject({ ok: false, message: 'Unknown setting "bell.enabeld": did you mean bell.enabled?' });
    expect(checkSettingKey('bell')).toMatchObject({ ok: false, message: 'bell is a table, not a setting' });
  });
});
