import { describe, expect, it } from 'vitest';
import { explainText } from '../../../src/cli/commands/explain.js';
import { pane } from '../tui/state/fixtures.js';

describe('explainText', () => {
  it('names the status, the layer and rule, the last hook and the recent events', () => {
    const text = explainText({
      pane: {
        ...pane('p2', { name: 'api', command: 'claude', agentType: 'claude-code', tokens: { input: 10, output: 2, cacheRead: 5, cacheCreation: 0 } }),
        status: {
          kind: 'needs-input',
          tool: 'Bash',
          detail: 'npm test',
          reason: 'permission',
          since: '2026-01-01T00:00:00.000Z',
          layer: 'screen',
          rule: 'permission-dialog',
        },
      },
      lastHookEvent: 'PreToolUse',
      events: [{ at: '2026-01-01T00:00:00.000Z', kind: 'hook', text: 'PreToolUse Bash npm test' }],
    });
    expect(text.split('\n')).toEqual([
      'p2 (api): needs-input — Bash · npm test · permission',
      '  decided by: screen layer, rule permission-dialog',
      '  since:      2026-01-01T00:00:00.000Z',
      '  agent:      claude-code, command claude',
      '  last hook:  PreToolUse',
      '  tokens:     10 in, 2 out, 5 cache read',
      'recent events:',
      '  2026-01-01T00:00:00.000Z  hook    PreToolUse Bash npm test',
      '',
    ]);
  });
});
