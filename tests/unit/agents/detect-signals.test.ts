// Detection from what an agent shows, for a command that names no agent (a wrapper script):
// recorded idle screens and titles of the real CLIs, and readiness switching to the agent the
// screen names, where a plain command's rules would wait out the deadline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAgentFromSignals } from '../../../src/agents/detect-agent.js';
import { readiness } from '../../../src/agents/readiness.js';
import { DEFAULT_MODES } from '../../helpers/fake-pane.js';
import { FIXTURE_ROOT, loadManifest, replay } from './fixture-manifest.js';

const RULE = '─'.repeat(100);
// Rows of the real Pi 0.73.1 and opencode 1.18.33 at their idle input boxes, against the mock.
const PI_IDLE = [
  ' pi v0.73.1',
  ' escape interrupt · ctrl+c/ctrl+d clear/exit · / commands · ! bash · ctrl+o more',
  '',
  RULE,
  '',
  RULE,
  '/tmp/proj',
  '0.0%/128k (auto)      mock-model',
];
const OPENCODE_IDLE = [
  '             ┃',
  '             ┃  Ask anything… "Fix a TODO in the codebase"',
  '             ┃',
  '             ┃  Build · Mock Model Mock LLM',
];

describe('detectAgentFromSignals', () => {
  it.each(['claude-code', 'codex', 'gemini'])('%s: its recorded idle screen and title name it', async (agent) => {
    const entry = loadManifest(agent).find((e) => e.name === 'idle')!;
    const screen = await replay(readFileSync(join(FIXTURE_ROOT, agent, entry.file), 'utf8'), entry.cols, entry.rows);
    expect(detectAgentFromSignals(screen.screen, screen.title)).toBe(agent);
    expect(detectAgentFromSignals(screen.screen, '')).toBe(agent);
  });

  it.each<[string, string[], string, string | null]>([
    ['Pi by its banner', PI_IDLE, '', 'pi'],
    ['Pi by its title alone', [], 'π - proj', 'pi'],
    ['opencode by its input box', OPENCODE_IDLE, '', 'opencode'],
    ['opencode by its title alone', [], 'OpenCode', 'opencode'],
    ['Claude Code by its title alone', [], '✳ Claude Code', 'claude-code'],
    ['a shell', ['$ ls', 'README.md  src', '$ '], 'bash', null],
    ['a shell that printed a README mentioning the agents', ['Claude Code, Codex and Gemini CLI run in panes.', '$ '], '', null],
  ])('%s', (_name, screen, title, expected) => {
    expect(detectAgentFromSignals(screen, title)).toBe(expected);
  });
});

describe('readiness of an agent the command did not name', () => {
  const input = (screenText: string[], cursorY: number) => ({
    agentType: null,
    screenText,
    cursor: { x: 2, y: cursorY, visible: true },
    modes: { ...DEFAULT_MODES, bracketedPaste: true },
    quietMs: 2_000,
  });

  it("uses Codex's input box once the screen shows it (a plain command's rule would never pass)", async () => {
    const entry = loadManifest('codex').find((e) => e.name === 'idle')!;
    const screen = await replay(readFileSync(join(FIXTURE_ROOT, 'codex', entry.file), 'utf8'), entry.cols, entry.rows);
    const y = screen.screen.findIndex((line) => line.includes('Ask Codex to do anything'));
    const verdict = readiness(input(screen.screen, y));
    expect(verdict, verdict.reason).toMatchObject({ ready: true });
    expect(verdict.reason).toMatch(/^Codex input box on screen/);
    // The same screen judged as a plain command: the placeholder after the cursor says no.
    expect(readiness({ ...input(screen.screen, y), agentType: 'generic' })).toMatchObject({ ready: false, reason: 'the cursor is not at the end of its line' });
  });

  it('uses Pi readiness for a Pi banner: ready at its footer, not while it works', () => {
    expect(readiness(input(PI_IDLE, 4))).toMatchObject({ ready: true });
    const working = [...PI_IDLE.slice(0, 2), ' TASK: RUN: echo hi', '', ' ⠙ Working...', '', ...PI_IDLE.slice(3)];
    expect(readiness(input(working, 7))).toMatchObject({ ready: false, reason: 'the agent is working (rule working)' });
  });
});
