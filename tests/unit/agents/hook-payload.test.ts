import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/agents/adapters.js';
import { parseHookPayload } from '../../../src/agents/hook-payload.js';
import { applyHookEvent } from '../../../src/agents/hook-state.js';

describe('parseHookPayload', () => {
  it.each([
    [
      'claude PreToolUse',
      'claude-code',
      { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'npm  test\n--run' }, transcript_path: '/t.jsonl' },
      { event: 'PreToolUse', tool: 'Bash', detail: 'npm test --run', transcriptPath: '/t.jsonl' },
    ],
    [
      'claude Notification',
      'claude-code',
      { hook_event_name: 'Notification', notification_type: 'permission_prompt', message: 'Claude needs your permission' },
      { event: 'Notification', subtype: 'permission_prompt', message: 'Claude needs your permission' },
    ],
    [
      'claude UserPromptSubmit, its first line',
      'claude-code',
      { hook_event_name: 'UserPromptSubmit', prompt: '\n  Fix the flaky test\nin tests/list.test.ts' },
      { event: 'UserPromptSubmit', message: 'Fix the flaky test' },
    ],
    ['claude StopFailure', 'claude-code', { hook_event_name: 'StopFailure', error: 'API Error: 500' }, { event: 'StopFailure', message: 'API Error: 500' }],
    [
      'gemini BeforeTool with a file',
      'gemini',
      { hook_event_name: 'BeforeTool', tool_name: 'write_file', tool_input: { file_path: 'a.ts' } },
      { event: 'BeforeTool', tool: 'write_file', detail: 'a.ts' },
    ],
    ['opencode session.status', 'opencode', { type: 'session.status', status: { type: 'busy' } }, { event: 'session.status', subtype: 'busy' }],
    [
      'a long command is cut',
      'claude-code',
      { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'x'.repeat(1000) } },
      { detail: `${'x'.repeat(199)}…` },
    ],
  ])('%s', (_name, agent, payload, expected) => {
    expect(parseHookPayload(agent, payload)).toMatchObject(expected);
  });

  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'PreToolUse'],
    ['no event name', { tool_name: 'Bash' }],
    ['a non-string event name', { hook_event_name: 42 }],
  ])('ignores %s', (_name, payload) => {
    expect(parseHookPayload('claude-code', payload)).toBeNull();
  });
});

describe('applyHookEvent', () => {
  const claude = adapterFor('claude-code');
  const event = (name: string, over: object = {}) => ({
    agent: 'claude-code',
    event: name,
    subtype: null,
    tool: null,
    detail: null,
    message: null,
    transcriptPath: null,
    ...over,
  });
  const working = applyHookEvent(claude, null, event('PreToolUse', { tool: 'Bash', detail: 'ls' }), 5);

  it.each([
    [
      'PreToolUse → working with the tool',
      null,
      event('PreToolUse', { tool: 'Bash', detail: 'ls' }),
      { status: 'working', tool: 'Bash', detail: 'ls', rule: 'hook:PreToolUse' },
    ],
    [
      'permission notification → needs-input',
      null,
      event('Notification', { subtype: 'permission_prompt', tool: 'Bash' }),
      { status: 'needs-input', reason: 'permission', rule: 'hook:Notification/permission_prompt' },
    ],
    ['StopFailure → error with the message', null, event('StopFailure', { message: 'API Error: 500' }), { status: 'error', reason: 'API Error: 500' }],
    ['an idle notification keeps the status', working, event('Notification', { subtype: 'idle_prompt' }), { status: 'working', tool: 'Bash' }],
    ['an unknown event keeps the status', working, event('Unheard'), { status: 'working' }],
  ])('%s', (_name, previous, ev, expected) => {
    expect(applyHookEvent(claude, previous, ev, 10)).toMatchObject(expected);
  });

  it('SessionEnd clears the hook layer', () => {
    expect(applyHookEvent(claude, working, event('SessionEnd'), 10)).toBeNull();
  });

  it('maps gemini and opencode names', () => {
    expect(applyHookEvent(adapterFor('gemini'), null, event('Notification', { subtype: 'ToolPermission' }), 1)?.status).toBe('needs-input');
    expect(applyHookEvent(adapterFor('opencode'), null, event('session.status', { subtype: 'busy' }), 1)?.status).toBe('thinking');
    expect(applyHookEvent(adapterFor('opencode'), null, event('session.status', { subtype: 'idle' }), 1)?.status).toBe('idle');
  });
});
