import { describe, expect, it } from 'vitest';
import { Emitter } from '../../../../src/common/event.js';
import { DEFAULT_GLOBAL_CONFIG, type GlobalConfig } from '../../../../src/config/global-config.js';
import type { PaneInfo } from '../../../../src/protocol/messages.js';
import type { StatusKind } from '../../../../src/protocol/pane-status.js';
import type { Attention } from '../../../../src/protocol/status-transitions.js';
import { alertBytes, AttentionAlerts } from '../../../../src/tui/app/attention-alerts.js';
import { pane } from '../state/fixtures.js';

const waiting: Attention = {
  event: 'needs_input',
  pane: { ...pane('p2', { name: 'api' }), status: { ...pane('p2').status, kind: 'needs-input', reason: 'permission', tool: 'Bash' } },
};
const START = { lastBellAt: -Infinity, lastDesktopAt: -Infinity };

function settings(over: { bell?: Partial<GlobalConfig['bell']>; notifications?: Partial<GlobalConfig['notifications']> } = {}) {
  return { bell: { ...DEFAULT_GLOBAL_CONFIG.bell, ...over.bell }, notifications: { ...DEFAULT_GLOBAL_CONFIG.notifications, ...over.notifications } };
}

describe('alertBytes', () => {
  const DESKTOP =
    '\x1b]9;api (p2) needs input: permission (Bash)\x07\x1b]777;notify;dot-agent-deck: api needs input;api (p2) needs input: permission (Bash)\x07';
  it.each<[string, ReturnType<typeof settings>, string]>([
    ['bell and both desktop escapes', settings(), `\x07${DESKTOP}`],
    ['bell off', settings({ bell: { enabled: false } }), DESKTOP],
    ['desktop off', settings({ notifications: { desktop: false } }), '\x07'],
    ['a notify_command replaces the desktop escape', settings({ notifications: { notify_command: 'ntfy' } }), '\x07'],
    ['the event switched off everywhere', settings({ bell: { needs_input: false }, notifications: { needs_input: false } }), ''],
  ])('%s', (_name, given, expected) => {
    expect(alertBytes(waiting, given, START, 1000).bytes).toBe(expected);
  });

  it('rate-limits the desktop escape and the bell', () => {
    const first = alertBytes(waiting, settings({ notifications: { min_interval_seconds: 10 } }), START, 1000);
    const soon = alertBytes(waiting, settings({ notifications: { min_interval_seconds: 10 } }), first.clock, 1500);
    expect(soon.bytes).toBe('');
    const later = alertBytes(waiting, settings({ notifications: { min_interval_seconds: 10 } }), first.clock, 12_000);
    expect(later.bytes).toContain('\x1b]9;');
  });

  it('keeps control characters and field separators out of the escape', () => {
    const nasty: Attention = { ...waiting, pane: { ...waiting.pane, name: 'a;b\x1b]0;x\x07' } };
    const { bytes } = alertBytes(nasty, settings({ bell: { enabled: false } }), START, 0);
    expect(bytes.match(/\x07/g)).toHaveLength(2);
    expect(bytes).not.toContain('a;b');
  });
});

describe('AttentionAlerts', () => {
  it('rings for a change, not for panes that already waited when the deck opened', () => {
    const panes = new Emitter<PaneInfo[]>();
    const at = (id: string, kind: StatusKind): PaneInfo => ({ ...pane(id), status: { ...pane(id).status, kind } });
    const written: string[] = [];
    const alerts = new AttentionAlerts(
      { onPanes: panes.event, panes: [at('p1', 'needs-input'), at('p2', 'working')], onFinished: new Emitter<string>().event },
      settings({ notifications: { desktop: false } }),
      (text) => written.push(text),
    );
    panes.fire([at('p1', 'needs-input'), at('p2', 'working')]);
    expect(written).toEqual([]);
    panes.fire([at('p1', 'needs-input'), at('p2', 'blocked')]);
    expect(written).toEqual(['\x07']);
    alerts.dispose();
  });

  it('rings and notifies the desktop when an orchestration finishes, per the finished switches', () => {
    const finished = new Emitter<string>();
    const written: string[] = [];
    const orchestrator: PaneInfo = { ...pane('p1'), name: 'orchestrator', tab: 'dev-flow' };
    const alerts = new AttentionAlerts(
      { onPanes: new Emitter<PaneInfo[]>().event, panes: [orchestrator], onFinished: finished.event },
      settings({ bell: { finished: true }, notifications: { finished: true } }),
      (text) => written.push(text),
    );
    finished.fire('p1');
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('\x07');
    expect(written[0]).toContain('dev-flow: the orchestrator (orchestrator, p1) finished the run');
    finished.fire('p-unknown');
    expect(written).toHaveLength(1);
    alerts.dispose();
  });
});
