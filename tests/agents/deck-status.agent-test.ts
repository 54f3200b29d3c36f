// Real agents in deck panes, driven by the deck's own installed hooks against the mock model:
// starting → idle → thinking/working → needs input on a permission prompt → `y` → working → idle
// (Claude Code, Codex, Gemini CLI, opencode; Pi, which asks for nothing, through a plain turn).
// Run with `npm run test:agents`; the CLIs are installed into ~/.cache/dot-agent-deck-agents.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaneInfo } from '../../src/protocol/messages.js';
import type { PaneStatus } from '../../src/protocol/pane-status.js';
import { createDaemonHarness, type DaemonHarness } from '../helpers/daemon-harness.js';
import { waitFor } from '../helpers/wait.js';
import { createSandbox, ensureAgent, type RealAgent, type Sandbox } from './agent-sandbox.js';

interface Case {
  agent: RealAgent;
  prompt: string;
  /** The hook rule that reports the permission prompt; null for an agent without one (Pi asks
   *  for nothing: the turn goes straight from working to idle). */
  waitingRule: RegExp | null;
  /** The prompt on screen: a person answers once they see it (the hook fires before it draws). */
  promptText: RegExp | null;
  /** What `hooks install` says it did. */
  installed: string;
  /** A hook event that starts a turn, as `explain` lists it. */
  turnHook: RegExp;
}

const CASES: Case[] = [
  {
    agent: 'claude-code',
    prompt: 'TASK: RUN: echo deck-ok > out.txt',
    waitingRule: /^hook:(PermissionRequest|Notification\/permission_prompt)$/,
    promptText: /Do you want to proceed\?/,
    installed: 'installed deck hooks',
    turnHook: /hook\s+(UserPromptSubmit|PreToolUse)/,
  },
  {
    agent: 'codex',
    prompt: 'TASK: ESCALATE RUN: echo deck-ok > out.txt',
    waitingRule: /^hook:PermissionRequest$/,
    promptText: /Would you like to run the following command\?/,
    installed: 'installed deck hooks',
    turnHook: /hook\s+(UserPromptSubmit|PreToolUse)/,
  },
  {
    agent: 'gemini',
    // The `?` is Gemini's shortcuts key when typed; the deck pastes the line so it stays.
    prompt: 'TASK: RUN: echo deck-ok > out.txt # ok?',
    waitingRule: /^hook:Notification\/ToolPermission$/,
    promptText: /Allow execution/,
    installed: 'installed deck hooks',
    turnHook: /hook\s+(BeforeAgent|BeforeTool)/,
  },
  {
    agent: 'opencode',
    prompt: 'TASK: RUN: echo deck-ok > out.txt',
    waitingRule: /^hook:permission\.asked$/,
    promptText: /Permission required/,
    installed: 'installed the deck plugin',
    turnHook: /hook\s+(session\.status|tool\.execute\.before)/,
  },
  {
    agent: 'pi',
    prompt: 'TASK: RUN: sleep 2 && echo deck-ok > out.txt',
    waitingRule: null,
    promptText: null,
    installed: 'installed the deck extension',
    turnHook: /hook\s+(agent_start|tool_execution_start)/,
  },
];

/** Collapses the statuses a client saw into their sequence of kinds (repeats folded). */
function kinds(seen: PaneStatus[]): string[] {
  return seen.map((s) => s.kind).filter((kind, i, all) => i === 0 || all[i - 1] !== kind);
}

/** True when `wanted` occurs in order within `sequence` (other kinds may sit between). */
function inOrder(sequence: string[], wanted: Array<string | string[]>): boolean {
  let at = 0;
  for (const kind of sequence) {
    const want = wanted[at];
    if (want !== undefined && (Array.isArray(want) ? want.includes(kind) : want === kind)) at++;
  }
  return at === wanted.length;
}

describe.each(CASES)('$agent in a deck pane', ({ agent, prompt, waitingRule, promptText, installed: says, turnHook }) => {
  let h: DaemonHarness | undefined;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await h?.dispose();
    await sandbox?.dispose();
  });

  it(`reports its status from hooks${waitingRule ? ' through a permission prompt answered with y' : ' through a turn'}`, async (ctx) => {
    const found = await ensureAgent(agent);
    if ('skip' in found) {
      console.warn(`SKIPPED: ${found.skip}`);
      ctx.skip(found.skip);
      return;
    }
    sandbox = await createSandbox(agent, found.bin);
    h = createDaemonHarness({ ...sandbox.env });
    const installed = await h.ok(['hooks', 'install', '--agent', agent]);
    expect(installed).toContain(says);

    await h.ok(['ls']); // starts the daemon, so the client sees the pane from its first status
    const connection = await h.connect('tui');
    // Every pane's statuses from the first list on: the pane's first status ("starting") can
    // reach this client before `new` has printed the pane's id.
    const statuses = new Map<string, PaneStatus[]>();
    const latestOf = new Map<string, PaneInfo>();
    const t0 = Date.now();
    const changes = new Map<string, string[]>();
    connection.onPanes((panes) => {
      for (const pane of panes) {
        latestOf.set(pane.id, pane);
        const list = statuses.get(pane.id) ?? [];
        if (list.at(-1)?.kind !== pane.status.kind || list.at(-1)?.rule !== pane.status.rule) {
          list.push(pane.status);
          changes.set(pane.id, [...(changes.get(pane.id) ?? []), `${Date.now() - t0} ms ${pane.status.kind}(${pane.status.rule})`]);
        }
        statuses.set(pane.id, list);
      }
    });
    const paneId = (await h.ok(['new', '-p', sandbox.project, '--', ...sandbox.argv])).trim();
    // The same array the listener appends to from now on.
    const seen = statuses.get(paneId) ?? [];
    statuses.set(paneId, seen);
    let screen = '';
    const describe = () => `statuses: ${seen.map((s) => `${s.kind}(${s.rule})`).join(' → ')}\nscreen:\n${screen}`;
    // When each step was reached (ms after the client connected), for the report of a run.
    const started = t0;
    const steps: string[] = [];
    const until = async (what: string, test: (pane: PaneInfo) => boolean, timeoutMs = 60_000) => {
      await waitFor(
        what,
        async () => {
          screen = (await connection.request({ kind: 'capture', pane: paneId })).lines.join('\n');
          const latest = latestOf.get(paneId);
          return latest !== undefined && test(latest);
        },
        { timeoutMs, intervalMs: 200, describe },
      );
      steps.push(`${Date.now() - started} ms ${what}`);
    };

    await until('the agent is idle at its input box', (p) => p.status.kind === 'idle');
    // As delivery does: the line, its echo in the box (opencode drops keys typed in its first
    // second; a late reader may take text and CR in one read as a paste), then one lone Enter —
    // which must submit: nothing below presses Enter again.
    const shown = (text: string) => screen.includes(text);
    for (let attempt = 1; ; attempt++) {
      await connection.request({ kind: 'send', pane: paneId, text: prompt, submit: false });
      try {
        await until(`the typed line shows in the input box (attempt ${attempt})`, () => shown(prompt), 10_000);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await connection.request({ kind: 'send', pane: paneId, text: '\x7f'.repeat(prompt.length * 2), submit: false });
        await until('the input box is empty again', () => !shown(prompt.slice(0, 12)), 10_000);
      }
    }
    await connection.request({ kind: 'send', pane: paneId, text: '', submit: true });
    if (waitingRule !== null && promptText !== null) {
      await until('the permission prompt is reported by a hook', (p) => p.status.kind === 'needs-input' && waitingRule.test(p.status.rule));
      expect(latestOf.get(paneId)?.agentType).toBe(agent);
      await until('the prompt is drawn and the card still waits', (p) => promptText.test(screen) && p.status.kind === 'needs-input');
      await connection.request({ kind: 'answer', pane: paneId, answer: 'yes' });
    } else {
      await until('the turn is reported by a hook', (p) => p.status.layer === 'hook' && (p.status.kind === 'thinking' || p.status.kind === 'working'));
      expect(latestOf.get(paneId)?.agentType).toBe(agent);
    }
    await until('the command ran', () => existsSync(join(sandbox!.project, 'out.txt')));
    await until('the turn ends idle', (p) => p.status.kind === 'idle' && seen.some((s) => s.kind === (waitingRule ? 'needs-input' : 'working')));

    expect(readFileSync(join(sandbox.project, 'out.txt'), 'utf8').trim()).toBe('deck-ok');
    const sequence = kinds(seen);
    const cycle = waitingRule
      ? ['starting', 'idle', ['thinking', 'working'], 'needs-input', ['working', 'thinking'], 'idle']
      : ['starting', 'idle', 'thinking', 'working', 'idle'];
    expect(inOrder(sequence, cycle), describe()).toBe(true);
    expect(
      seen.some((s) => s.layer === 'hook' && (s.kind === 'thinking' || s.kind === 'working')),
      describe(),
    ).toBe(true);
    console.info(`${agent} life cycle:\n  ${steps.join('\n  ')}\nstatuses:\n  ${(changes.get(paneId) ?? []).join('\n  ')}`);
    const explained = await h.ok(['explain', paneId]);
    expect(explained).toContain('decided by:');
    expect(explained).toMatch(turnHook);
  });
});
