import { describe, expect, it } from 'vitest';
import { deckHookCommand, HOOK_PLANS, installHooks, installedEvents, isDeckCommand, uninstallHooks } from '../../../src/agents/hook-settings.js';

const BIN = '/opt/deck/bin/dot-agent-deck.js';
const USER_STOP = { hooks: [{ type: 'command', command: 'say done' }] };
const USER_SETTINGS = { model: 'opus', hooks: { Stop: [USER_STOP], PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './guard.sh' }] }] } };

describe('isDeckCommand', () => {
  it.each([
    ['the deck binary', `${BIN} hook --agent claude-code`, true],
    ['a quoted path with a space', deckHookCommand('/my apps/dot-agent-deck', 'codex'), true],
    ['a bare name on PATH', 'dot-agent-deck hook --agent gemini', true],
    ['another program', '/usr/bin/logger hook --agent claude-code', false],
    ['the deck command inside a longer line', `${BIN} hook --agent claude-code && rm -rf x`, false],
    ['a user wrapper that mentions the deck', 'my-dot-agent-deck hook --agent claude-code', false],
    ['an unknown agent', `${BIN} hook --agent foo`, false],
    ['not a string', 42, false],
  ])('%s', (_name, command, expected) => {
    expect(isDeckCommand(command)).toBe(expected);
  });
});

describe('installHooks', () => {
  it('adds a deck hook for every planned event and keeps the user hooks and keys', () => {
    const next = installHooks(USER_SETTINGS, 'claude-code', BIN);
    expect(next.model).toBe('opus');
    expect(installedEvents(next, 'claude-code')).toEqual(HOOK_PLANS['claude-code'].events);
    const hooks = next.hooks as Record<string, unknown[]>;
    expect(hooks.Stop?.[0]).toEqual(USER_STOP);
    expect(hooks.PreToolUse?.[0]).toEqual(USER_SETTINGS.hooks.PreToolUse[0]);
    expect(hooks.PreToolUse?.[1]).toEqual({ matcher: '*', hooks: [{ type: 'command', command: `${BIN} hook --agent claude-code`, timeout: 10 }] });
  });

  it('changes nothing the second time, even with user hooks added after the deck', () => {
    const once = installHooks(USER_SETTINGS, 'claude-code', BIN);
    const hooks = once.hooks as Record<string, unknown[]>;
    const withLater = { ...once, hooks: { ...hooks, Stop: [...(hooks.Stop ?? []), { hooks: [{ type: 'command', command: 'later' }] }] } };
    expect(installHooks(withLater, 'claude-code', BIN)).toEqual(withLater);
  });

  it('replaces a deck hook of an older binary path instead of adding a second one', () => {
    const old = installHooks({}, 'codex', '/old/dot-agent-deck');
    const next = installHooks(old, 'codex', BIN);
    expect((next.hooks as Record<string, unknown[]>).Stop).toHaveLength(1);
    expect(JSON.stringify(next)).not.toContain('/old/');
  });

  it('names gemini hooks and uses milliseconds', () => {
    const next = installHooks({}, 'gemini', BIN);
    expect((next.hooks as Record<string, unknown[]>).AfterAgent?.[0]).toEqual({
      matcher: '*',
      hooks: [{ type: 'command', name: 'dot-agent-deck', command: `${BIN} hook --agent gemini`, timeout: 10_000 }],
    });
  });

  it.each([
    ['hooks is a list', { hooks: [] }, /"hooks" is not an object/],
    ['an event is an object', { hooks: { Stop: {} } }, /"hooks.Stop" is not a list/],
  ])('refuses a settings file where %s', (_name, settings, message) => {
    expect(() => installHooks(settings, 'claude-code', BIN)).toThrow(message);
  });
});

describe('uninstallHooks', () => {
  it('removes only the deck hooks and restores the user settings', () => {
    const installed = installHooks(USER_SETTINGS, 'claude-code', BIN);
    expect(uninstallHooks(installed)).toEqual(USER_SETTINGS);
  });

  it('keeps a user hook that shares a group with a deck hook', () => {
    const mixed = {
      hooks: {
        Stop: [
          {
            hooks: [
              { type: 'command', command: `${BIN} hook --agent claude-code` },
              { type: 'command', command: 'say hi' },
            ],
          },
        ],
      },
    };
    expect(uninstallHooks(mixed)).toEqual({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say hi' }] }] } });
  });
});
