// `hooks install|uninstall|status` on real files in a temporary HOME, through the built binary.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hooksOffer } from '../../src/cli/commands/hooks.js';
import { runCli } from '../helpers/cli.js';
import { createDeckEnv, type DeckEnv } from '../helpers/deck-env.js';

describe('hooks', () => {
  let deck: DeckEnv;
  let claudeDir: string;
  let settings: string;
  const cli = (...args: string[]) => runCli(['hooks', ...args], { env: deck.env });

  beforeEach(() => {
    deck = createDeckEnv();
    claudeDir = join(deck.root, 'claude-config');
    deck.env.CLAUDE_CONFIG_DIR = claudeDir;
    deck.env.CODEX_HOME = join(deck.root, 'codex-home');
    settings = join(claudeDir, 'settings.json');
    mkdirSync(claudeDir, { recursive: true });
  });
  afterEach(() => deck.cleanup());

  it('refuses a settings file with a trailing comma and leaves it byte-identical', async () => {
    const broken = '{\n  "model": "opus",\n  "hooks": {},\n}\n';
    writeFileSync(settings, broken);
    const result = await cli('install', '--agent', 'claude-code');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${settings} is not valid JSON`);
    expect(result.stderr).toContain('trailing comma');
    expect(readFileSync(settings, 'utf8')).toBe(broken);
    expect(existsSync(`${settings}.dot-agent-deck.bak`)).toBe(false);
  });

  it("keeps the user's hooks and permissions, backs up, and changes nothing the second time", async () => {
    const mine = { permissions: { allow: ['Bash'] }, hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } };
    const original = `${JSON.stringify(mine, null, 2)}\n`;
    writeFileSync(settings, original);
    chmodSync(settings, 0o600);
    const first = await cli('install', '--agent', 'claude-code');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`installed deck hooks in ${settings}`);
    const installed = readFileSync(settings, 'utf8');
    const parsed = JSON.parse(installed) as { permissions: unknown; hooks: Record<string, Array<{ hooks: Array<{ command: string }> }>> };
    expect(parsed.permissions).toEqual(mine.permissions);
    expect(parsed.hooks.Stop?.[0]).toEqual(mine.hooks.Stop[0]);
    expect(parsed.hooks.Stop?.[1]?.hooks[0]?.command).toMatch(/dot-agent-deck\.js hook --agent claude-code$/);
    expect(statSync(settings).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${settings}.dot-agent-deck.bak`, 'utf8')).toBe(original);

    const second = await cli('install', '--agent', 'claude-code');
    expect(second.stdout).toContain('already installed');
    expect(readFileSync(settings, 'utf8')).toBe(installed);

    expect((await cli('status', '--agent', 'claude-code')).stdout).toContain('claude-code: installed');
    expect((await cli('uninstall', '--agent', 'claude-code')).code).toBe(0);
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual(mine);
  });

  it('refuses to edit through a symbolic link', async () => {
    const target = join(deck.root, 'real-settings.json');
    writeFileSync(target, '{}\n');
    symlinkSync(target, settings);
    const result = await cli('install', '--agent', 'claude-code');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a symbolic link');
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
  });

  it('writes codex hooks under CODEX_HOME and says how trust works', async () => {
    const result = await cli('install', '--agent', 'codex');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--dangerously-bypass-hook-trust');
    const hooks = JSON.parse(readFileSync(join(deck.env.CODEX_HOME!, 'hooks.json'), 'utf8')) as { hooks: Record<string, unknown> };
    expect(Object.keys(hooks.hooks)).toContain('PermissionRequest');
  });

  it("lets a sandboxed Codex reach the deck: network_access and no login shell in config.toml, the user's settings and comments kept", async () => {
    const config = join(deck.env.CODEX_HOME!, 'config.toml');
    mkdirSync(deck.env.CODEX_HOME!, { recursive: true });
    writeFileSync(config, '# mine\nmodel = "o4"\n\n[sandbox_workspace_write]\nwritable_roots = ["/srv"]\n');
    const result = await cli('install', '--agent', 'codex');
    expect(result.stdout).toContain('allow_login_shell = false and [sandbox_workspace_write] network_access = true');
    // A login shell would read /etc/profile, which sets PATH afresh: the deck's dot-agent-deck lost.
    expect(readFileSync(config, 'utf8')).toBe(
      '# mine\nmodel = "o4"\nallow_login_shell = false\n\n[sandbox_workspace_write]\nnetwork_access = true\nwritable_roots = ["/srv"]\n',
    );
    expect((await cli('install', '--agent', 'codex')).stdout).toContain('already lets work-done reach the deck');
    expect((await cli('uninstall', '--agent', 'codex')).stdout).toContain('left allow_login_shell = false and [sandbox_workspace_write] network_access = true');
    // A user who set only one of them gets the other.
    writeFileSync(config, '[sandbox_workspace_write]\nnetwork_access = true\n');
    expect((await cli('install', '--agent', 'codex')).stdout).toMatch(/set allow_login_shell = false in /);
    expect(readFileSync(config, 'utf8')).toBe('allow_login_shell = false\n\n[sandbox_workspace_write]\nnetwork_access = true\n');
    writeFileSync(config, 'model = \n');
    const refused = await cli('install', '--agent', 'codex');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/config\.toml:1:\d+: .*left unchanged/);
    expect(readFileSync(config, 'utf8')).toBe('model = \n');
  });

  it.each([
    ['the opencode plugin', 'opencode', () => join(deck.env.XDG_CONFIG_HOME!, 'opencode', 'plugin', 'dot-agent-deck.js')],
    ['the Pi extension', 'pi', () => join(deck.env.HOME!, '.pi', 'agent', 'extensions', 'dot-agent-deck.ts')],
  ])('installs and removes %s, and never replaces a file of the user', async (_name, agent, path) => {
    const plugin = path();
    expect((await cli('install', '--agent', agent)).code).toBe(0);
    expect(readFileSync(plugin, 'utf8')).toContain(`'hook', '--agent', '${agent}'`);
    expect((await cli('status', '--agent', agent)).stdout).toBe(`${agent}: installed (${plugin})\n`);
    expect((await cli('uninstall', '--agent', agent)).code).toBe(0);
    expect(existsSync(plugin)).toBe(false);
    writeFileSync(plugin, '// mine\n');
    const refused = await cli('install', '--agent', agent);
    expect(refused.code).toBe(1);
    expect(readFileSync(plugin, 'utf8')).toBe('// mine\n');
  });

  it("lets opencode start offline: lists its plugin package in the config dir's lock, keeps the user's entries, undoes only its own", async () => {
    const dir = join(deck.env.XDG_CONFIG_HOME!, 'opencode');
    const lockFile = join(dir, 'package-lock.json');
    mkdirSync(dir, { recursive: true });
    const mine = { name: 'opencode', lockfileVersion: 3, requires: true, packages: { '': { dependencies: { 'left-pad': '1.3.0' } } } };
    writeFileSync(lockFile, `${JSON.stringify(mine)}\n`);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { 'left-pad': '1.3.0', 'is-odd': '3.0.1' } }));
    const installed = await cli('install', '--agent', 'opencode');
    expect(installed.stdout).toContain(
      `listed @opencode-ai/plugin in ${lockFile} and created ${join(dir, 'node_modules')} (backup: ${lockFile}.dot-agent-deck.bak)`,
    );
    expect(installed.stdout).toContain('opencode still installs at start: is-odd');
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).packages['']).toEqual({ dependencies: { 'left-pad': '1.3.0', '@opencode-ai/plugin': '*' } });
    expect(existsSync(join(dir, 'node_modules'))).toBe(true);
    expect((await cli('install', '--agent', 'opencode')).stdout).toContain('starts without the npm registry already');
    expect((await cli('uninstall', '--agent', 'opencode')).stdout).toContain(`removed @opencode-ai/plugin from ${lockFile} and the empty`);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual(mine);
    writeFileSync(lockFile, '{"packages": ');
    const refused = await cli('install', '--agent', 'opencode');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${lockFile} is not valid JSON`);
    expect(readFileSync(lockFile, 'utf8')).toBe('{"packages": ');
  });

  it('offers the install once for agents on PATH that lack the hooks, and never edits', () => {
    const bin = join(deck.root, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'claude'), '#!/bin/sh\n', { mode: 0o755 });
    const env = { ...deck.env, PATH: bin };
    expect(hooksOffer(env)).toBe(
      'For exact status of claude-code, run: dot-agent-deck hooks install --agent claude-code (merges with your hooks, keeps a backup)',
    );
    expect(existsSync(settings)).toBe(false);
    expect(hooksOffer(env)).toBeNull();
    writeFileSync(join(bin, 'codex'), '#!/bin/sh\n', { mode: 0o755 });
    expect(hooksOffer(env)).toContain('of codex, run');
  });

  it('names the agents when one is unknown', async () => {
    const result = await cli('status', '--agent', 'cursor');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('agents: claude-code, codex, gemini, opencode');
  });
});
