import { describe, expect, it } from 'vitest';
import { readiness, type ReadinessInput } from '../../../src/agents/readiness.js';
import { DEFAULT_MODES } from '../../helpers/fake-pane.js';

const RULE = '─'.repeat(40);
const claudeBox = ['╭ Claude Code', '', RULE, '❯ ', RULE, '  ? for shortcuts', '', ''];
const LIMIT = ["⎿  You've hit your limit · resets 3pm (Europe/Berlin)", ...claudeBox];

function input(over: Partial<ReadinessInput>): ReadinessInput {
  return {
    agentType: 'claude-code',
    screenText: claudeBox,
    cursor: { x: 2, y: 3, visible: true },
    modes: { ...DEFAULT_MODES, bracketedPaste: true },
    quietMs: 1000,
    ...over,
  };
}

describe('readiness', () => {
  it.each<[string, Partial<ReadinessInput>, boolean, RegExp]>([
    ['claude: box, paste mode, quiet', {}, true, /input box on screen/],
    ['claude: screen still changing', { quietMs: 100 }, false, /changed 100 ms ago/],
    ['claude: bracketed paste off', { modes: DEFAULT_MODES }, false, /bracketed paste/],
    ['claude: no input box yet', { screenText: ['Welcome', ''] }, false, /no Claude Code input box/],
    [
      'claude: a numbered choice is not the box',
      { screenText: ['Do you trust this folder?', '❯ 1. Yes, I trust this folder', '  2. No, exit'] },
      false,
      /folder trust/,
    ],
    ['claude: permission dialog', { screenText: ['Bash command', 'Do you want to proceed?', '❯ 1. Yes', '  2. No'] }, false, /permission/],
    ['claude: SessionStart alone does not hold it back', { lastHookEvent: 'SessionStart' }, true, /input box/],
    ['claude: a turn in progress', { lastHookEvent: 'UserPromptSubmit' }, false, /in a turn/],
    ['claude: a usage limit on screen', { screenText: LIMIT }, false, /usage limit reached \(rule usage-limit\)/],
    ['claude: a usage limit whose reset time passed', { screenText: LIMIT, passedLimit: LIMIT[0] }, true, /input box/],
    ['claude: a passed limit does not excuse another line', { screenText: LIMIT, passedLimit: 'an older limit line' }, false, /usage limit/],
    [
      'claude: a passed limit line does not excuse a permission dialog',
      { screenText: ['Do you want to proceed?', '❯ 1. Yes'], passedLimit: 'Do you want to proceed?' },
      false,
      /permission/,
    ],
    ['codex: placeholder', { agentType: 'codex', screenText: ['› Ask Codex to do anything', ''] }, true, /Codex input box/],
    ['codex: › alone is a model list', { agentType: 'codex', screenText: ['› gpt-5', '  o3'] }, false, /no Codex input box/],
    ['gemini: placeholder', { agentType: 'gemini', screenText: ['> Type your message or @path/to/file'] }, true, /Gemini CLI/],
    ['opencode: needs a second of quiet', { agentType: 'opencode', screenText: ['Ask anything...'], quietMs: 600 }, false, /needs 1000 ms/],
    ['opencode: quiet long enough', { agentType: 'opencode', screenText: ['Ask anything...'], quietMs: 1200 }, true, /opencode/],
    [
      'generic: shell prompt at the cursor',
      { agentType: null, screenText: ['user@host:~$ ', ''], cursor: { x: 12, y: 0, visible: true }, modes: DEFAULT_MODES },
      true,
      /prompt-like/,
    ],
    ['generic: unknown type falls back', { agentType: 'devbox', screenText: ['>>> '], cursor: { x: 4, y: 0, visible: true } }, true, /prompt-like/],
    ['generic: output still flowing', { agentType: null, screenText: ['$ '], cursor: { x: 2, y: 0, visible: true }, quietMs: 50 }, false, /changed 50 ms ago/],
    [
      'generic: cursor after plain text',
      { agentType: null, screenText: ['compiling foo'], cursor: { x: 13, y: 0, visible: true } },
      false,
      /does not look like an input prompt/,
    ],
    ['generic: cursor in the middle of text', { agentType: null, screenText: ['$ abc'], cursor: { x: 1, y: 0, visible: true } }, false, /not at the end/],
    [
      'generic: a y/n question is not a prompt',
      { agentType: null, screenText: ['Overwrite? [y/n] '], cursor: { x: 17, y: 0, visible: true } },
      false,
      /question/,
    ],
  ])('%s', (_name, over, ready, reason) => {
    const result = readiness(input(over));
    expect(result.ready).toBe(ready);
    expect(result.reason).toMatch(reason);
  });
});
