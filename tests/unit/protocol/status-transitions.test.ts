import { describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../../src/protocol/messages.js';
import type { StatusKind } from '../../../src/protocol/pane-status.js';
import { attentionChanges } from '../../../src/protocol/status-transitions.js';
import { pane } from '../tui/state/fixtures.js';

const at = (kind: StatusKind, over: Partial<PaneInfo> = {}): PaneInfo => ({ ...pane('p1'), ...over, status: { ...pane('p1').status, kind } });

function events(before: PaneInfo[], after: PaneInfo[]) {
  const first = attentionChanges(new Map(), before);
  return attentionChanges(first.next, after).events.map((e) => e.event);
}

describe('attentionChanges', () => {
  it.each<[string, PaneInfo[], PaneInfo[], string[]]>([
    ['working → needs input', [at('working')], [at('needs-input')], ['needs_input']],
    ['idle → blocked', [at('idle')], [at('blocked')], ['blocked']],
    ['thinking → error', [at('thinking')], [at('error')], ['error']],
    ['still waiting rings once', [at('needs-input')], [at('needs-input')], []],
    ['waiting → working is quiet', [at('needs-input')], [at('working')], []],
    ['a process killed by a signal', [at('working')], [at('exited', { state: 'exited', exit: { exitCode: null, signal: 'SIGSEGV' } })], ['error']],
    ['a clean exit is quiet', [at('working')], [at('exited', { state: 'exited', exit: { exitCode: 0, signal: null } })], []],
    ['a respawned agent that asks again', [at('needs-input')], [at('needs-input', { agentId: 'a-new' })], ['needs_input']],
    ['a pane seen for the first time', [], [at('needs-input')], []],
  ])('%s', (_name, before, after, expected) => {
    expect(events(before, after)).toEqual(expected);
  });
});
