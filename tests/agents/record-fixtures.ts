// Records the screen fixtures of tests/fixtures/agents from the real CLIs against the mock model:
//   npx vitest run --config vitest.agents.config.ts tests/agents/record-fixtures.agent-test.ts
// with DECK_RECORD_FIXTURES=1 it rewrites the fixture files; without it only checks the engine.
import type { FixtureEntry } from '../unit/agents/fixture-manifest.js';
import type { RealAgent } from './agent-sandbox.js';
import type { PtyRecorder } from './pty-recorder.js';

export interface Scenario {
  name: string;
  agent: RealAgent;
  trusted?: boolean;
  /** More arguments for the agent's command line. */
  args?: string[];
  /** Drives the agent to the moment worth keeping. */
  drive(rec: PtyRecorder): Promise<void>;
  expect: FixtureEntry['expect'];
  readySeen: boolean;
}

const QUESTION =
  'CALL: AskUserQuestion {"questions":[{"question":"Which colour do you want?","header":"Colour","multiSelect":false,"options":[{"label":"Red","description":"warm"},{"label":"Blue","description":"cool"}]}]}';

// opencode's own question tool (the TUI offers it): one question, no multiple choice.
const OPENCODE_QUESTION =
  'CALL: question {"questions":[{"question":"Which colour do you want?","header":"Colour","options":[{"label":"Red","description":"warm"},{"label":"Blue","description":"cool"}]}]}';

// Codex's request_user_input tool (0.171.0, Plan mode): each question has an id and a header.
const CODEX_QUESTION =
  'CALL: request_user_input {"questions":[{"id":"colour","header":"Colour","question":"Which colour do you want?","options":[{"label":"Red","description":"warm"},{"label":"Blue","description":"cool"}]}]}';

// Gemini CLI's ask_user tool (0.61.0): each question needs a header and a type.
const GEMINI_QUESTION =
  'CALL: ask_user {"questions":[{"question":"Which colour do you want?","header":"Colour","type":"choice","options":[{"label":"Red","description":"warm"},{"label":"Blue","description":"cool"}]}]}';

async function claudeReady(rec: PtyRecorder): Promise<void> {
  await rec.waitForScreen('the Claude input box', (s) => /^\s*❯(?!\s*\d\.)/m.test(s));
  await rec.waitForQuiet(800);
}

async function codexReady(rec: PtyRecorder): Promise<void> {
  await rec.waitForScreen('the Codex placeholder', (s) => s.includes('Ask Codex to do anything'));
  await rec.waitForQuiet(800);
}

async function geminiReady(rec: PtyRecorder): Promise<void> {
  await rec.waitForScreen('the Gemini input box', (s) => s.includes('Type your message'));
  await rec.waitForQuiet(800);
}

async function piReady(rec: PtyRecorder): Promise<void> {
  await rec.waitForScreen('the Pi editor footer', (s) => /\d+(\.\d+)?%\/\d+k \(/.test(s));
  await rec.waitForQuiet(800);
}

async function opencodeReady(rec: PtyRecorder): Promise<void> {
  await rec.waitForScreen('the opencode input box', (s) => s.includes('Ask anything'), 90_000);
  await rec.waitForQuiet(1500);
}

export const SCENARIOS: Scenario[] = [
  // opencode has no folder-trust dialog.
  { name: 'idle', agent: 'opencode', readySeen: true, expect: { kind: 'idle' }, drive: opencodeReady },
  {
    name: 'busy',
    agent: 'opencode',
    readySeen: true,
    expect: { kind: 'working' },
    async drive(rec) {
      await opencodeReady(rec);
      await rec.submit('SLEEP:8 hello');
      await rec.waitForScreen('the busy footer', (s) => /esc interrupt/i.test(s));
    },
  },
  {
    name: 'permission-prompt',
    agent: 'opencode',
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await opencodeReady(rec);
      await rec.submit('TASK: RUN: echo fixture > out.txt');
      await rec.waitForScreen('the permission prompt', (s) => /Permission required/i.test(s));
      await rec.waitForQuiet(500);
    },
  },
  {
    name: 'question',
    agent: 'opencode',
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await opencodeReady(rec);
      await rec.submit(OPENCODE_QUESTION);
      await rec.waitForScreen('the question', (s) => /↑↓ select\s+enter submit/.test(s), 60_000);
      await rec.waitForQuiet(500);
    },
  },
  // Pi has no permission, question or trust dialogs of its own: idle and busy are all it shows.
  { name: 'idle', agent: 'pi', readySeen: true, expect: { kind: 'idle' }, drive: piReady },
  {
    name: 'busy',
    agent: 'pi',
    readySeen: true,
    expect: { kind: 'working' },
    async drive(rec) {
      await piReady(rec);
      await rec.submit('SLEEP:8 hello');
      await rec.waitForScreen('the Working spinner', (s) => /Working\.\.\./.test(s));
    },
  },
  { name: 'idle', agent: 'claude-code', readySeen: true, expect: { kind: 'idle' }, drive: claudeReady },
  {
    name: 'busy',
    agent: 'claude-code',
    readySeen: true,
    expect: { kind: 'working' },
    async drive(rec) {
      await claudeReady(rec);
      await rec.submit('SLEEP:8 hello');
      await rec.waitForScreen('the busy footer', (s) => /esc to interrupt/i.test(s));
    },
  },
  {
    name: 'permission-prompt',
    agent: 'claude-code',
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await claudeReady(rec);
      await rec.submit('TASK: RUN: echo fixture > out.txt');
      await rec.waitForScreen('the permission dialog', (s) => s.includes('Do you want to proceed?'));
      await rec.waitForQuiet(500);
    },
  },
  {
    name: 'question',
    agent: 'claude-code',
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await claudeReady(rec);
      await rec.submit(QUESTION);
      await rec.waitForScreen('the question dialog', (s) => s.includes('Which colour do you want?') && s.includes('Blue'));
      await rec.waitForQuiet(500);
    },
  },
  {
    name: 'trust-dialog',
    agent: 'claude-code',
    trusted: false,
    readySeen: false,
    expect: { kind: 'blocked' },
    async drive(rec) {
      await rec.waitForScreen('the folder trust dialog', (s) => /trust/i.test(s) && /1\./.test(s));
      await rec.waitForQuiet(500);
    },
  },
  { name: 'idle', agent: 'codex', readySeen: true, expect: { kind: 'idle' }, drive: codexReady },
  {
    name: 'busy',
    agent: 'codex',
    readySeen: true,
    expect: { kind: 'working' },
    async drive(rec) {
      await codexReady(rec);
      await rec.submit('SLEEP:8 hello');
      await rec.waitForScreen('the busy footer', (s) => /esc to interrupt/i.test(s));
    },
  },
  {
    name: 'permission-prompt',
    agent: 'codex',
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await codexReady(rec);
      await rec.submit('TASK: ESCALATE RUN: echo fixture > out.txt');
      await rec.waitForScreen('the approval prompt', (s) => s.includes('Would you like to run the following command'));
      await rec.waitForQuiet(500);
    },
  },
  {
    name: 'question',
    agent: 'codex',
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await codexReady(rec);
      // Codex offers its question tool (request_user_input) in Plan mode: Shift+Tab switches.
      rec.write('\x1b[Z');
      await rec.waitForScreen('Plan mode', (s) => /Plan mode/i.test(s), 10_000);
      await rec.waitForQuiet(500);
      await rec.submit(CODEX_QUESTION);
      await rec.waitForScreen('the question', (s) => s.includes('Which colour do you want?') && s.includes('Blue'), 60_000);
      await rec.waitForQuiet(500);
    },
  },
  {
    name: 'trust-dialog',
    agent: 'codex',
    trusted: false,
    readySeen: false,
    expect: { kind: 'blocked' },
    async drive(rec) {
      await rec.waitForScreen('the folder trust dialog', (s) => /trust/i.test(s));
      await rec.waitForQuiet(500);
    },
  },
  { name: 'idle', agent: 'gemini', readySeen: true, expect: { kind: 'idle' }, drive: geminiReady },
  {
    name: 'busy',
    agent: 'gemini',
    readySeen: true,
    expect: { kind: 'working' },
    async drive(rec) {
      await geminiReady(rec);
      await rec.submit('SLEEP:8 hello');
      await rec.waitForScreen('the busy footer', (s) => /esc to cancel/i.test(s));
    },
  },
  {
    name: 'permission-prompt',
    agent: 'gemini',
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await geminiReady(rec);
      await rec.submit('TASK: RUN: echo fixture > out.txt');
      await rec.waitForScreen('the permission prompt', (s) => /Allow execution/i.test(s));
      await rec.waitForQuiet(500);
    },
  },
  {
    name: 'question',
    agent: 'gemini',
    // A named model: with its default "Auto" Gemini's model router asks the mock first and
    // retries its side answer for ~90 s (a 1.5 MB stream of spinner frames).
    args: ['--model', 'gemini-2.5-flash'],
    readySeen: true,
    expect: { kind: 'needs-input' },
    async drive(rec) {
      await geminiReady(rec);
      // Pasted, as the deck types every line into Gemini: a typed `?` opens its shortcuts.
      await rec.submit(GEMINI_QUESTION, { paste: true });
      await rec.waitForScreen('the question', (s) => s.includes('Which colour do you want?') && s.includes('Blue'), 60_000);
      await rec.waitForQuiet(500);
    },
  },
  {
    name: 'trust-dialog',
    agent: 'gemini',
    trusted: false,
    readySeen: false,
    expect: { kind: 'blocked' },
    async drive(rec) {
      await rec.waitForScreen('the folder trust dialog', (s) => /trust (the files in )?this folder/i.test(s));
      await rec.waitForQuiet(500);
    },
  },
];
