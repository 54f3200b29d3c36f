import { describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../../../src/protocol/messages.js';
import type { StatusKind } from '../../../../src/protocol/pane-status.js';
import { mostUrgent, statusLabel } from '../../../../src/tui/view/status-label.js';
import { pane } from '../state/fixtures.js';

function agentPane(kind: StatusKind, extra: Partial<PaneInfo['status']> = {}, agentType: string | null = 'claude-code'): PaneInfo {
  const base = pane('p1');
  return { ...base, agentType, status: { ...base.status, kind, ...extra } };
}

describe('statusLabel', () => {
  it.each<[string, PaneInfo, string, string]>([
    ['idle agent', agentPane('idle'), 'idle', 'ok'],
    ['working with a tool', agentPane('working', { tool: 'Bash' }), 'working: Bash', 'busy'],
    ['thinking', agentPane('thinking'), 'thinking', 'busy'],
    ['waiting for a permission', agentPane('needs-input', { reason: 'permission' }), 'needs input: permission', 'attention'],
    ['blocked with the reason', agentPane('blocked', { reason: 'usage limit reached' }), 'blocked: usage limit reached', 'attention'],
    [
      'blocked with the reset time the screen states',
      agentPane('blocked', { reason: 'usage limit · resets 15:30', until: '2026-12-02T15:30:00.000Z' }),
      'blocked: usage limit · resets 15:30',
      'attention',
    ],
    ['an agent error', agentPane('error', { reason: 'API Error: 500' }), 'error: API Error: 500', 'error'],
    ['starting', agentPane('starting'), 'starting', 'quiet'],
    ['a plain command at work says running', agentPane('working', {}, null), 'running', 'ok'],
    ['a plain command asking y/n', agentPane('needs-input', { reason: 'question' }, null), 'needs input: question', 'attention'],
    ...(['needs-human', 'blocked', 'failed'] as const).map((outcome): [string, PaneInfo, string, string] => [
      `a worker idle after ending its task ${outcome}`,
      { ...agentPane('idle'), outcome: { outcome, at: '2026-12-02T15:30:00.000Z', commission: 'c-1', file: '.dot-agent-deck/t/r.md' } },
      `${{ 'needs-human': 'needs you', blocked: 'task blocked', failed: 'task failed' }[outcome]}: its report: .dot-agent-deck/t/r.md`,
      outcome === 'failed' ? 'error' : 'attention',
    ]),
    [
      'a done task says nothing more',
      { ...agentPane('idle'), outcome: { outcome: 'done', at: '2026-12-02T15:30:00.000Z', commission: 'c-1', file: 'r.md' } },
      'idle',
      'ok',
    ],
    [
      'a permission the agent waits on outranks the ended task',
      {
        ...agentPane('needs-input', { reason: 'permission' }),
        outcome: { outcome: 'blocked', at: '2026-12-02T15:30:00.000Z', commission: 'c-1', file: 'r.md' },
      },
      'needs input: permission',
      'attention',
    ],
    ['an exited pane keeps its exit word', { ...agentPane('exited'), state: 'exited', exit: { exitCode: 3, signal: null } }, 'exited 3', 'error'],
  ])('%s', (_name, info, word, tone) => {
    expect(statusLabel(info)).toMatchObject({ word, tone });
  });

  it('ranks a waiting pane above a working one', () => {
    expect(mostUrgent([agentPane('working'), agentPane('needs-input'), agentPane('idle')])?.tone).toBe('attention');
  });
});
