import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaneOutput } from '../../../src/daemon/pane-output.js';
import { MAX_STATUS_EVENTS, StatusTracker } from '../../../src/daemon/status-tracker.js';
import type { HookEvent, PaneStatus } from '../../../src/protocol/pane-status.js';
import { FakePane } from '../../helpers/fake-pane.js';

const hook = (event: string, over: Partial<HookEvent> = {}): HookEvent => ({
  agent: 'claude-code',
  event,
  subtype: null,
  tool: null,
  detail: null,
  message: null,
  transcriptPath: null,
  ...over,
});

describe('StatusTracker', () => {
  let pane: FakePane;
  let output: PaneOutput;
  let tracker: StatusTracker;
  let changes: PaneStatus[];
  let command: string;

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    pane = new FakePane('p1', 'a-1', 40, 6);
    command = 'claude';
    output = new PaneOutput(pane);
    tracker = new StatusTracker(pane, () => command, output);
    changes = [];
    tracker.onDidChange((status) => changes.push(status));
  });
  afterEach(() => {
    tracker.dispose();
    output.dispose();
    vi.useRealTimers();
  });

  it('detects the agent from the command and starts in "starting"', () => {
    expect(tracker.agentType).toBe('claude-code');
    expect(tracker.status.kind).toBe('starting');
  });

  it('goes idle once the input box shows and the screen is quiet', () => {
    pane.setLine(2, '❯ ');
    vi.advanceTimersByTime(300);
    expect(tracker.status.kind).toBe('starting');
    vi.advanceTimersByTime(1500);
    expect(tracker.status).toMatchObject({ kind: 'idle', layer: 'activity', rule: 'quiet-screen' });
  });

  it('follows hook events, with tool and detail', () => {
    tracker.applyHook('a-1', hook('PreToolUse', { tool: 'Bash', detail: 'npm test' }));
    expect(tracker.status).toMatchObject({ kind: 'working', tool: 'Bash', detail: 'npm test', layer: 'hook', rule: 'hook:PreToolUse' });
    tracker.applyHook('a-1', hook('PermissionRequest', { tool: 'Bash' }));
    expect(tracker.status).toMatchObject({ kind: 'needs-input', reason: 'permission' });
    expect(changes.map((s) => s.kind)).toEqual(['working', 'needs-input']);
  });

  it('blocks on a limit screen until the reset time it states, then lets the agent go on', () => {
    pane.setLine(0, 'Usage limit reached. Try again in 2 minutes.');
    pane.setLine(2, '❯ ');
    vi.advanceTimersByTime(2000);
    // Read when the screen is next looked at: 250 ms after the tracker's first look.
    const until = new Date(1_000_250 + 120_000).toISOString();
    expect(tracker.status).toMatchObject({ kind: 'blocked', rule: 'usage-limit', until });
    expect(tracker.status.reason).toMatch(/^usage limit · resets \d\d:\d\d$/);
    expect(tracker.passedLimitLine).toBeNull();
    // The same line, looked at again later, keeps its first reading.
    pane.setLine(3, ' ');
    vi.advanceTimersByTime(60_000);
    expect(tracker.status.until).toBe(until);
    vi.advanceTimersByTime(60_000);
    // Past the reset, nobody has continued it yet: still blocked, and typing over it is allowed.
    expect(tracker.status).toMatchObject({ kind: 'blocked', until });
    expect(tracker.status.reason).toMatch(/^usage limit · reset \d\d:\d\d passed$/);
    expect(tracker.passedLimitLine).toBe('Usage limit reached. Try again in 2 minutes.');
    // The continue line is typed and echoed: the limit text is history.
    pane.setLine(2, '❯ continue');
    vi.advanceTimersByTime(2000);
    expect(tracker.status).toMatchObject({ kind: 'idle', rule: 'quiet-screen' });
    expect(changes.map((s) => s.kind)).toEqual(['blocked', 'blocked', 'idle']);
  });

  it('ignores a hook from an earlier agent of the pane', () => {
    expect(tracker.applyHook('a-old', hook('PreToolUse'))).toBe(false);
    expect(tracker.status.kind).toBe('starting');
    expect(tracker.recentEvents().at(-1)?.text).toMatch(/ignored PreToolUse from earlier agent a-old/);
  });

  it('upgrades an unknown command by the first hook', () => {
    command = 'devbox run agent-coder';
    const other = new StatusTracker(pane, () => command, output);
    expect(other.agentType).toBeNull();
    other.applyHook('a-1', hook('Stop'));
    expect(other.agentType).toBe('claude-code');
    other.dispose();
  });

  it('reads the screen at most four times a second however often it changes', () => {
    const read = vi.spyOn(pane, 'text');
    for (let i = 0; i < 100; i++) {
      pane.setLine(1, `line ${i}`);
      vi.advanceTimersByTime(10);
    }
    expect(read.mock.calls.length).toBeLessThanOrEqual(5);
    expect(read.mock.calls.length).toBeGreaterThan(0);
  });

  it('flips to needs-input when a dialog appears on screen', () => {
    tracker.applyHook('a-1', hook('UserPromptSubmit'));
    pane.setLine(3, 'Do you want to proceed?');
    pane.setLine(4, '❯ 1. Yes');
    vi.advanceTimersByTime(250);
    expect(tracker.status).toMatchObject({ kind: 'needs-input', layer: 'screen', rule: 'permission-dialog' });
  });

  it('stays waiting until the prompt was drawn, then flips to working once it is answered', () => {
    tracker.applyHook('a-1', hook('PermissionRequest', { tool: 'Bash' }));
    pane.setLine(5, '✢ Running… (esc to interrupt)');
    vi.advanceTimersByTime(250);
    expect(tracker.status.kind).toBe('needs-input');
    pane.setLine(3, 'Do you want to proceed?');
    pane.setLine(4, '❯ 1. Yes');
    vi.advanceTimersByTime(250);
    expect(tracker.status.kind).toBe('needs-input');
    pane.setLine(3, '');
    pane.setLine(4, '');
    vi.advanceTimersByTime(250);
    expect(tracker.status).toMatchObject({ kind: 'working', layer: 'screen', rule: 'esc-to-interrupt' });
  });

  it('starts over on a respawn and reports the exit', () => {
    tracker.applyHook('a-1', hook('PreToolUse'));
    pane.agentId = 'a-2';
    command = 'codex';
    pane.setTitle('x');
    expect(tracker.agentType).toBe('codex');
    expect(tracker.status.kind).toBe('starting');
    pane.exitWith({ exitCode: 0, signal: null });
    expect(tracker.status).toMatchObject({ kind: 'exited', layer: 'process', reason: 'exit code 0' });
  });

  it('keeps a bounded history', () => {
    for (let i = 0; i < MAX_STATUS_EVENTS * 2; i++) pane.setTitle(`t${i}`);
    expect(tracker.recentEvents()).toHaveLength(MAX_STATUS_EVENTS);
  });

  describe('an agent behind a wrapper script', () => {
    it.each<[string, (t: { pane: FakePane; tracker: StatusTracker }) => void, string]>([
      ['its window title', ({ pane }) => pane.setTitle('OpenCode'), 'opencode'],
      ['its banner on screen', ({ pane }) => pane.setLine(0, '  >_ OpenAI Codex (v0.171.0)'), 'codex'],
      ['its first hook event', ({ tracker }) => void tracker.applyHook('a-1', hook('agent_start', { agent: 'pi' })), 'pi'],
    ])('is named by %s as soon as it shows', (_name, signal, expected) => {
      command = 'run-agent.sh --role coder';
      const wrapped = new StatusTracker(pane, () => command, output);
      try {
        expect(wrapped.agentType).toBeNull();
        signal({ pane, tracker: wrapped });
        vi.advanceTimersByTime(300);
        expect(wrapped.agentType).toBe(expected);
        expect(wrapped.recentEvents().at(-1)?.text ?? '').not.toBe('');
        expect(wrapped.recentEvents().some((e) => e.text.includes(`is ${expected} (from`))).toBe(true);
      } finally {
        wrapped.dispose();
      }
    });

    it("keeps a role's explicit agent over the command, the screen and hooks", () => {
      command = 'codex-role';
      const declared = new StatusTracker(
        pane,
        () => command,
        output,
        () => 'codex',
      );
      try {
        expect(declared.agentType).toBe('codex');
        pane.setTitle('OpenCode');
        declared.applyHook('a-1', hook('SessionStart', { agent: 'claude-code' }));
        vi.advanceTimersByTime(300);
        expect(declared.agentType).toBe('codex');
      } finally {
        declared.dispose();
      }
    });
  });
});
