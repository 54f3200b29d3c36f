import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/agents/adapters.js';
import type { HookState } from '../../../src/agents/hook-state.js';
import { decideStatus, HOOK_STALE_MS, IDLE_QUIET_MS, SCREEN_BUSY_FRESH_MS, STARTING_MAX_MS, type EngineInput } from '../../../src/agents/status-engine.js';
import type { PaneStatus } from '../../../src/protocol/pane-status.js';

const NOW = 1_000_000;
const RULE = '─'.repeat(40);
const IDLE_SCREEN = ['Claude Code', RULE, '❯ ', RULE, '  ? for shortcuts'];
const BUSY_SCREEN = ['✢ Spelunking… (3s · esc to interrupt)', RULE, '❯ ', RULE];
const PERMISSION = ['Bash command', '  echo hi', 'Do you want to proceed?', '❯ 1. Yes', '  2. No'];
const USAGE = ['Claude usage limit reached. Your limit will reset at 3pm.', RULE, '❯ ', RULE];
const OLD_BUSY = ['✢ Spelunking… (3s · esc to interrupt)', ...Array.from({ length: 20 }, (_, i) => `output line ${i}`), RULE, '❯ ', RULE];

function hook(status: HookState['status'], ageMs: number, extra: Partial<HookState> = {}): HookState {
  return { status, tool: null, detail: null, reason: null, at: NOW - ageMs, rule: `hook:${status}`, ...extra };
}

function input(over: Partial<Omit<EngineInput, 'adapter'>> & { agent?: string | null } = {}): EngineInput {
  const { agent = 'claude-code', ...rest } = over;
  return {
    adapter: adapterFor(agent),
    now: NOW,
    startedAt: NOW - 60_000,
    exit: null,
    hook: null,
    title: '',
    screen: IDLE_SCREEN,
    lastOutputAt: NOW - 10_000,
    readySeen: true,
    promptSeen: false,
    ...rest,
  };
}

function prev(kind: PaneStatus['kind']): PaneStatus {
  return { kind, tool: null, detail: null, reason: null, since: new Date(NOW - 5000).toISOString(), layer: 'hook', rule: 'hook:before' };
}

describe('decideStatus', () => {
  it.each<[string, Parameters<typeof input>[0], PaneStatus | null, string, string, string]>([
    ['exit wins over everything', { exit: { exitCode: 1, signal: null }, hook: hook('working', 10) }, null, 'exited', 'process', 'process-exited'],
    ['fresh hook decides', { hook: hook('working', 100, { tool: 'Bash' }) }, null, 'working', 'hook', 'hook:working'],
    ['a screen dialog outranks a busy hook', { hook: hook('working', 100), screen: PERMISSION }, null, 'needs-input', 'screen', 'permission-dialog'],
    ['a usage limit outranks an idle hook', { hook: hook('idle', 100), screen: USAGE }, null, 'blocked', 'screen', 'usage-limit'],
    [
      'a waiting hook holds while the dialog shows',
      { hook: hook('needs-input', 100), screen: PERMISSION, lastOutputAt: NOW - 50 },
      null,
      'needs-input',
      'hook',
      'hook:needs-input',
    ],
    [
      'an answered prompt flips to working at once',
      { hook: hook('needs-input', 2000), promptSeen: true, screen: BUSY_SCREEN, lastOutputAt: NOW - 50 },
      null,
      'working',
      'screen',
      'esc-to-interrupt',
    ],
    [
      'a busy footer before the dialog draws is no answer',
      { hook: hook('needs-input', 200), screen: BUSY_SCREEN, lastOutputAt: NOW - 50 },
      null,
      'needs-input',
      'hook',
      'hook:needs-input',
    ],
    ['a stale hook lets the screen decide', { hook: hook('working', HOOK_STALE_MS + 1), lastOutputAt: NOW - 5000 }, null, 'idle', 'activity', 'quiet-screen'],
    ['SessionStart after the box appeared does not say starting', { hook: hook('starting', 100) }, null, 'idle', 'activity', 'quiet-screen'],
    ['SessionStart before the box', { hook: hook('starting', 100), readySeen: false }, null, 'starting', 'hook', 'hook:starting'],
    ['title spinner', { title: '⠂ Fixing the bug' }, null, 'working', 'title', 'title-spinner'],
    ['title idle mark', { title: '✳ Claude Code' }, prev('working'), 'idle', 'title', 'title-idle-mark'],
    ['busy footer while the screen moves', { screen: BUSY_SCREEN, lastOutputAt: NOW - 100 }, null, 'working', 'screen', 'esc-to-interrupt'],
    [
      'a moving busy footer beats a stale idle title',
      { title: '✳ Claude Code', screen: BUSY_SCREEN, lastOutputAt: NOW - 100 },
      null,
      'working',
      'screen',
      'esc-to-interrupt',
    ],
    [
      'busy footer on a frozen screen decides nothing',
      { screen: BUSY_SCREEN, lastOutputAt: NOW - SCREEN_BUSY_FRESH_MS - 1 },
      prev('working'),
      'idle',
      'activity',
      'quiet-screen',
    ],
    ['old busy text scrolled above the bottom region', { screen: OLD_BUSY, lastOutputAt: NOW - 100 }, prev('idle'), 'idle', 'activity', 'quiet-screen'],
    ['idle waits for a quiet screen', { lastOutputAt: NOW - IDLE_QUIET_MS + 100 }, prev('working'), 'working', 'hook', 'hook:before'],
    ['idle after the quiet moment', { lastOutputAt: NOW - IDLE_QUIET_MS }, prev('working'), 'idle', 'activity', 'quiet-screen'],
    ['starting until the ready marker', { readySeen: false, startedAt: NOW - 1000, screen: ['Loading…'] }, null, 'starting', 'activity', 'no-ready-marker-yet'],
    ['starting gives up after a while', { readySeen: false, startedAt: NOW - STARTING_MAX_MS, screen: ['Loading…'] }, null, 'idle', 'activity', 'quiet-screen'],
    ['codex title asks for action', { agent: 'codex', title: 'Action Required', screen: ['x'] }, null, 'needs-input', 'title', 'title-action-required'],
    [
      'codex approval prompt',
      { agent: 'codex', screen: ['Would you like to run the following command?', '› 1. Yes, proceed (y)'] },
      null,
      'needs-input',
      'screen',
      'approval-prompt',
    ],
    ['gemini permission', { agent: 'gemini', screen: ['Allow execution of: echo?', '● 1. Allow once'] }, null, 'needs-input', 'screen', 'permission-prompt'],
    [
      'opencode permission',
      { agent: 'opencode', screen: ['△ Permission required', 'Allow once   Allow always   Reject'] },
      null,
      'needs-input',
      'screen',
      'permission-required',
    ],
    [
      'opencode usage limit',
      { agent: 'opencode', screen: ["Error: You've hit your usage limit", 'Ask anything...'] },
      null,
      'blocked',
      'screen',
      'usage-limit',
    ],
    [
      'opencode quota',
      { agent: 'opencode', screen: ['Error: insufficient_quota: You exceeded your current quota', 'Ask anything...'] },
      null,
      'blocked',
      'screen',
      'quota',
    ],
    ['opencode rate limit', { agent: 'opencode', screen: ['Error: 429 Too Many Requests', 'Ask anything...'] }, null, 'blocked', 'screen', 'rate-limit'],
    ['opencode invalid key', { agent: 'opencode', screen: ['Error: invalid x-api-key', 'Ask anything...'] }, null, 'blocked', 'screen', 'invalid-api-key'],
    [
      'opencode login expired',
      { agent: 'opencode', screen: ['Token expired: run opencode auth login', 'Ask anything...'] },
      null,
      'blocked',
      'screen',
      'login-expired',
    ],
    [
      'claude, HTTP 429 is a rate limit',
      { screen: ['  ⎿  API Error: 429 {"type":"error","error":{"type":"invalid_request_error"}}', RULE, '❯ ', RULE] },
      null,
      'blocked',
      'screen',
      'rate-limit',
    ],
    [
      'gemini, status 429 is a rate limit',
      { agent: 'gemini', screen: ['[API Error: got status: 429. Try again later.]', '> Type your message'] },
      null,
      'blocked',
      'screen',
      'rate-limit',
    ],
    [
      'gemini login expired',
      { agent: 'gemini', screen: ['Your session expired. Please re-authenticate with /auth', '> Type your message'] },
      null,
      'blocked',
      'screen',
      'login-expired',
    ],
    [
      'gemini usage limit',
      { agent: 'gemini', screen: ['You have reached your daily gemini-2.5-pro usage limit', '> Type your message'] },
      null,
      'blocked',
      'screen',
      'usage-limit',
    ],
    ['codex sign-in', { agent: 'codex', screen: ['Sign in with ChatGPT', 'Provide your own API key'] }, null, 'blocked', 'screen', 'sign-in'],
    ['codex folder trust', { agent: 'codex', screen: ['Trust this folder?', '› 1. Yes'] }, null, 'blocked', 'screen', 'folder-trust'],
    [
      'a question stays needs-input beside a limit word',
      { screen: ['Do you want to proceed?', '❯ 1. Yes', '  2. No'] },
      null,
      'needs-input',
      'screen',
      'permission-dialog',
    ],
    ['generic output is work', { agent: null, screen: ['building…'], lastOutputAt: NOW - 100 }, null, 'working', 'activity', 'recent-output'],
    ['generic y/n question', { agent: null, screen: ['Overwrite file? [y/N] '] }, null, 'needs-input', 'screen', 'yes-no-question'],
    ['generic never printed', { agent: null, screen: [''], lastOutputAt: null }, null, 'starting', 'activity', 'no-output-yet'],
  ])('%s', (_name, over, previous, kind, layer, rule) => {
    const { status } = decideStatus(input(over), previous);
    expect({ kind: status.kind, layer: status.layer, rule: status.rule }).toEqual({ kind, layer, rule });
  });

  it('keeps `since` while the status stays the same and resets it on a change', () => {
    const before = prev('working');
    expect(decideStatus(input({ hook: hook('working', 10) }), before).status.since).toBe(before.since);
    expect(decideStatus(input({ hook: hook('idle', 10) }), before).status.since).toBe(new Date(NOW).toISOString());
  });

  it('asks to be called again when idle would be confirmed', () => {
    const { recheckInMs } = decideStatus(input({ lastOutputAt: NOW - 1000 }), prev('working'));
    expect(recheckInMs).toBe(IDLE_QUIET_MS - 1000);
  });

  describe('a limit screen that states its reset time', () => {
    const at = Date.parse('2026-12-02T12:00:00Z');
    const LIMITED = ['  ⎿  Usage limit reached. Try again in 5 minutes.', RULE, '❯ ', RULE];
    const limited = (now: number, limit: ReturnType<typeof decideStatus>['limit'] = null) =>
      decideStatus(input({ now, startedAt: now - 60_000, lastOutputAt: now - 10_000, screen: LIMITED, limit, timeZone: 'Europe/Berlin' }), null);

    it('is blocked until the reset time, shown in the deck zone, and asks again then', () => {
      const first = limited(at);
      expect(first.status).toMatchObject({ kind: 'blocked', rule: 'usage-limit', reason: 'usage limit · resets 13:05', until: '2026-12-02T12:05:00.000Z' });
      expect(first.recheckInMs).toBe(300_000);
      expect(first.limit).toEqual({ rule: 'usage-limit', line: '⎿  Usage limit reached. Try again in 5 minutes.', until: at + 300_000 });
    });

    it('reads a relative time once: later looks keep the first reading', () => {
      const first = limited(at);
      const later = limited(at + 120_000, first.limit);
      expect(later.status.until).toBe('2026-12-02T12:05:00.000Z');
      expect(later.recheckInMs).toBe(180_000);
    });

    it('still holds after the reset time while the agent sits on it: no one continued it', () => {
      const first = limited(at);
      const after = limited(at + 300_000, first.limit);
      expect(after.status).toMatchObject({
        kind: 'blocked',
        rule: 'usage-limit',
        reason: 'usage limit · reset 13:05 passed',
        until: '2026-12-02T12:05:00.000Z',
      });
      expect(after.limit).toEqual(first.limit);
    });

    it('is history once the pane printed after the reset time (it was continued)', () => {
      const first = limited(at);
      const moved = decideStatus(
        input({ now: at + 400_000, lastOutputAt: at + 310_000, screen: LIMITED, limit: first.limit, timeZone: 'Europe/Berlin' }),
        null,
      );
      expect(moved.status).toMatchObject({ kind: 'idle', rule: 'quiet-screen' });
      expect(moved.status.until).toBeUndefined();
      expect(moved.limit).toEqual(first.limit);
    });

    it('reads a new limit line afresh', () => {
      const stale = { rule: 'usage-limit', line: 'an earlier limit', until: at - 1000 };
      expect(limited(at, stale).status).toMatchObject({ kind: 'blocked', until: '2026-12-02T12:05:00.000Z' });
    });

    it('keeps the plain reason when the screen states no time', () => {
      const { status, limit } = decideStatus(input({ screen: ['Claude usage limit reached.', RULE, '❯ ', RULE] }), null);
      expect(status).toMatchObject({ kind: 'blocked', reason: 'usage limit reached' });
      expect(status.until).toBeUndefined();
      expect(limit).toBeNull();
    });
  });

  it('carries tool and detail from the hook', () => {
    const { status } = decideStatus(input({ hook: hook('working', 10, { tool: 'Bash', detail: 'npm test' }) }), null);
    expect(status).toMatchObject({ tool: 'Bash', detail: 'npm test' });
  });
});
