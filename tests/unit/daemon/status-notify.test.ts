import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nullLogger } from '../../../src/common/logger.js';
import { DEFAULT_GLOBAL_CONFIG } from '../../../src/config/global-config.js';
import { PaneRegistry } from '../../../src/daemon/pane-registry.js';
import { StatusNotifier, type NotifyRun, type NotificationsSettings } from '../../../src/daemon/status-notify.js';
import type { HookEvent } from '../../../src/protocol/pane-status.js';
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

function setup(settings: Partial<NotificationsSettings>) {
  const panes = new Map<string, FakePane>();
  const registry = new PaneRegistry({
    factory: (options) => {
      const pane = new FakePane(options.paneId, options.agentId, 40, 5);
      panes.set(options.paneId, pane);
      return pane;
    },
    socketPath: '/nowhere',
    env: {},
    scrollback: 100,
  });
  const runs: NotifyRun[] = [];
  const notifier = new StatusNotifier(registry, { ...DEFAULT_GLOBAL_CONFIG.notifications, ...settings }, nullLogger, async (job) => void runs.push(job));
  return { registry, panes, runs, notifier };
}

describe('StatusNotifier', () => {
  beforeEach(() => vi.useFakeTimers({ now: 5_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('runs notify_command without a shell, with title and body, and the event as JSON on stdin', async () => {
    const { registry, runs } = setup({ notify_command: 'ntfy publish deck', min_interval_seconds: 0 });
    const pane = registry.create({ command: 'claude', cwd: '/src/api' });
    registry.statusTracker(pane.id).applyHook(pane.agentId, hook('PermissionRequest', { tool: 'Bash' }));
    await vi.runOnlyPendingTimersAsync();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.argv).toEqual(['ntfy', 'publish', 'deck', 'dot-agent-deck: api needs input', 'api (p1) needs input: permission (Bash)']);
    expect(JSON.parse(runs[0]!.stdin)).toMatchObject({
      event: 'needs_input',
      pane: { id: 'p1', agentType: 'claude-code', status: { kind: 'needs-input', tool: 'Bash' } },
    });
  });

  it.each([
    { finished: true, runs: 1 },
    { finished: false, runs: 0 },
  ])('tells notify_command that an orchestration finished when [notifications] finished = $finished', ({ finished, runs: expected }) => {
    const { registry, runs, notifier } = setup({ notify_command: 'notify', min_interval_seconds: 0, finished });
    const pane = registry.create({ command: 'claude', cwd: '/shop', name: 'orchestrator', tab: 'dev-flow', role: 'orchestrator' });
    notifier.finished(pane.id);
    notifier.finished('p-gone');
    expect(runs).toHaveLength(expected);
    if (expected === 1) {
      expect(runs[0]!.argv).toEqual(['notify', 'dot-agent-deck: dev-flow finished', 'dev-flow: the orchestrator (orchestrator, p1) finished the run']);
      expect(JSON.parse(runs[0]!.stdin)).toMatchObject({ event: 'finished', pane: { id: 'p1', tab: 'dev-flow', role: 'orchestrator' } });
    }
  });

  it('rate-limits and honours the per-event switches', async () => {
    const { registry, runs } = setup({ notify_command: 'notify', min_interval_seconds: 60, error: false });
    const a = registry.create({ command: 'claude', cwd: '/a' });
    const b = registry.create({ command: 'claude', cwd: '/b' });
    registry.statusTracker(a.id).applyHook(a.agentId, hook('StopFailure', { message: 'API Error' }));
    registry.statusTracker(a.id).applyHook(a.agentId, hook('PermissionRequest'));
    await vi.runOnlyPendingTimersAsync();
    registry.statusTracker(b.id).applyHook(b.agentId, hook('PermissionRequest'));
    await vi.runOnlyPendingTimersAsync();
    expect(runs.map((run) => run.argv.at(-1))).toEqual(['a (p1) needs input: permission']);
    vi.advanceTimersByTime(61_000);
    registry.statusTracker(b.id).applyHook(b.agentId, hook('Stop'));
    registry.statusTracker(b.id).applyHook(b.agentId, hook('PermissionRequest'));
    await vi.runOnlyPendingTimersAsync();
    expect(runs).toHaveLength(2);
  });

  it.each([
    ['no command', undefined],
    ['a command that needs a shell', 'notify "$HOME" | tee log'],
  ])('stays silent with %s', async (_name, command) => {
    const { registry, runs } = setup({ notify_command: command, min_interval_seconds: 0 });
    const pane = registry.create({ command: 'claude', cwd: '/a' });
    registry.statusTracker(pane.id).applyHook(pane.agentId, hook('PermissionRequest'));
    await vi.runOnlyPendingTimersAsync();
    expect(runs).toEqual([]);
  });

  it('tells notify_command when a worker ends its task with work-done --outcome needs-human, once', async () => {
    const { registry, runs } = setup({ notify_command: 'notify', min_interval_seconds: 0 });
    const pane = registry.create({ command: 'claude', cwd: '/shop', name: 'signer', tab: 'dev', role: 'signer' });
    registry.setOutcome(pane.id, { outcome: 'blocked', at: '2026-01-01T02:00:00Z', commission: 'c-1', file: '.dot-agent-deck/dev/work-done-signer.md' });
    await vi.runOnlyPendingTimersAsync();
    expect(runs).toHaveLength(0);
    registry.setOutcome(pane.id, { outcome: 'needs-human', at: '2026-01-01T02:01:00Z', commission: 'c-2', file: '.dot-agent-deck/dev/work-done-signer.md' });
    await vi.runOnlyPendingTimersAsync();
    expect(runs.map((run) => run.argv.slice(1))).toEqual([
      ['dot-agent-deck: signer needs you', 'signer (p1) stopped its task: it needs a person (its report: .dot-agent-deck/dev/work-done-signer.md)'],
    ]);
    expect(JSON.parse(runs[0]!.stdin)).toMatchObject({ event: 'needs_input' });
    registry.setOutcome(pane.id, { outcome: 'needs-human', at: '2026-01-01T02:01:00Z', commission: 'c-2', file: 'x' });
    await vi.runOnlyPendingTimersAsync();
    expect(runs).toHaveLength(1);
  });
});
