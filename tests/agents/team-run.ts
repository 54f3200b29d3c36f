// A whole orchestration of real agent CLIs against the scripted mock model: one orchestrator
// (the simulated agent, or real Claude Code) delegates one task to each worker role at once, each
// worker runs the mock-scripted tool (which appends one line to `ran-<role>.txt` and runs
// `work-done`), and the orchestrator ends the run once every completion reached it. What each
// test asserts on: the journal, every pane's screen, the files the tools wrote, the mock's log.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daemonLogFile } from '../../src/config/paths.js';
import type { JournalEntry } from '../../src/orchestration/journal-entry.js';
import { createDaemonHarness, type DaemonHarness } from '../helpers/daemon-harness.js';
import { journal, panesByRole, SIM_AGENT } from '../helpers/orchestration-project.js';
import { waitFor } from '../helpers/wait.js';
import { createSandbox, ensureAgent, type RealAgent, type Sandbox } from './agent-sandbox.js';

export interface Member {
  role: string;
  agent: RealAgent;
}

export interface TeamRun {
  h: DaemonHarness;
  sandbox: Sandbox;
  project: string;
  ms: number;
  entries: JournalEntry[];
  /** Each role's screen at the end of the run. */
  screens: Map<string, string>;
  /** The prompts the model was asked (not tool results, not side requests), in order. */
  prompts: string[];
  /** The daemon's log of every typed line: how it was confirmed, how often typed and Entered. */
  deliveries: string[];
}

/** The daemon log's lines about typed lines. */
function deliveryLog(h: DaemonHarness): string[] {
  const file = daemonLogFile(h.deck.env);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /line (not )?delivered/.test(line));
}

/** The group's files live under the orchestration's name. */
export const GROUP = 'team';

const HOOK_SAYS: Record<RealAgent, string> = {
  'claude-code': 'installed deck hooks',
  codex: 'installed deck hooks',
  gemini: 'installed deck hooks',
  opencode: 'installed',
  pi: 'installed the deck extension',
};

/** What disposes a run: the daemon and panes first, then the sandbox (its mock, its HOME). */
export class TeamHolder {
  h: DaemonHarness | undefined;
  sandbox: Sandbox | undefined;
  async dispose(): Promise<void> {
    await this.h?.dispose();
    await this.sandbox?.dispose();
    this.h = undefined;
    this.sandbox = undefined;
  }
}

/** The mock's rules: a worker's task line runs the tool once and work-done; real Claude Code as
 *  orchestrator delegates on its context line and ends the run on the last completion. */
function rules(workers: Member[], claudeOrchestrator: boolean): unknown[] {
  const worker = {
    match: 'Read \\S+/task-([a-z]+)\\.md for your task\\.',
    shell: 'echo ran >> ran-$1.txt && dot-agent-deck work-done --task "$1 ran"',
    then: 'MOCK-DONE: the task ran.',
  };
  if (!claudeOrchestrator) return [worker];
  const delegate = workers.map((w) => `dot-agent-deck delegate --to ${w.role} --task "Do the ${w.role} part."`).join(' && ');
  return [
    // Newest first: Claude Code's prompt text may carry the lines typed before it.
    {
      match: 'Worker ([a-z]+) has completed their task',
      shell: `echo $1 >> completions.txt && if [ "$(sort -u completions.txt | wc -l)" -ge ${workers.length} ]; then dot-agent-deck work-done --done --task "All done."; fi`,
      then: 'MOCK-NOTED: completion recorded.',
    },
    worker,
    { match: 'Read \\S+orchestrator-context\\.md', shell: delegate, then: 'MOCK-DELEGATED: the workers have their tasks.' },
  ];
}

function simOrchestratorScript(workers: Member[]): unknown {
  return {
    startDelayMs: 100,
    workMs: 10,
    turns: [
      {
        after: ['^Read \\S+orchestrator-context'],
        actions: workers.map((w) => ({ run: ['dot-agent-deck', 'delegate', '--to', w.role, '--task', `Do the ${w.role} part.`] })),
      },
      { after: workers.map((w) => `^Worker ${w.role} has completed`), actions: [{ run: ['dot-agent-deck', 'work-done', '--done', '--task', 'All done.'] }] },
    ],
  };
}

/** Runs the team; null when a CLI cannot be installed here (the caller skips). */
export async function runTeam(
  holder: TeamHolder,
  orchestrator: 'sim' | 'claude-code',
  workers: Member[],
  timeoutMs = 240_000,
): Promise<TeamRun | { skip: string }> {
  const agents = [...new Set<RealAgent>([...(orchestrator === 'claude-code' ? (['claude-code'] as const) : []), ...workers.map((w) => w.agent)])];
  const bins = new Map<RealAgent, string>();
  for (const agent of agents) {
    const found = await ensureAgent(agent);
    if ('skip' in found) return found;
    bins.set(agent, found.bin);
  }
  const scratch = join(process.env.TMPDIR ?? '/tmp', `team-rules-${process.pid}-${Date.now()}.json`);
  writeFileSync(scratch, JSON.stringify(rules(workers, orchestrator === 'claude-code')));
  // One HOME, one project and one mock for every CLI of the team.
  const first = agents[0]!;
  const main = await createSandbox(first, bins.get(first)!, { askPermissions: false, mockScript: scratch });
  holder.sandbox = main;
  const argv = new Map<RealAgent, string[]>([[first, main.argv]]);
  const env: Record<string, string> = { ...main.env };
  for (const agent of agents.slice(1)) {
    const more = await createSandbox(agent, bins.get(agent)!, { askPermissions: false, shareWith: main });
    argv.set(agent, more.argv);
    Object.assign(env, more.env);
  }
  // The deck never answers a permission dialog: the user's settings allow the shell tool up front
  // (written before `hooks install` merges the deck's entries into the same files).
  if (agents.includes('claude-code')) {
    const config = env.CLAUDE_CONFIG_DIR!;
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'settings.json'), `${JSON.stringify({ permissions: { allow: ['Bash'] } }, null, 2)}\n`);
  }
  // Gemini CLI asks before a shell command with a redirection whatever `tools.allowed` says: the
  // worker runs with `--approval-mode=yolo`, the user's choice for an unattended worker.
  if (argv.has('gemini')) argv.set('gemini', [...argv.get('gemini')!, '--approval-mode=yolo']);
  const h = createDaemonHarness(env);
  holder.h = h;
  for (const agent of agents) {
    const said = await h.ok(['hooks', 'install', '--agent', agent]);
    if (!said.includes(HOOK_SAYS[agent])) throw new Error(`hooks install --agent ${agent} said: ${said}`);
  }
  const project = main.project;
  const roleBlock = (name: string, command: string, extra: string[] = []) => [
    '[[orchestrations.roles]]',
    `name = "${name}"`,
    `command = ${JSON.stringify(command)}`,
    ...extra,
  ];
  const orchestratorCommand = orchestrator === 'sim' ? `node ${SIM_AGENT} --role orchestrator --script orchestrator.json` : argv.get('claude-code')!.join(' ');
  if (orchestrator === 'sim') writeFileSync(join(project, 'orchestrator.json'), JSON.stringify(simOrchestratorScript(workers)));
  writeFileSync(
    join(project, '.dot-agent-deck.toml'),
    [
      '[[orchestrations]]',
      `name = "${GROUP}"`,
      ...roleBlock('orchestrator', orchestratorCommand, ['start = true']),
      ...workers.flatMap((w) => roleBlock(w.role, argv.get(w.agent)!.join(' '), [`description = "the ${w.role}"`, 'clear = false'])),
      '',
    ].join('\n'),
  );
  const started = Date.now();
  await h.ok(['up', '-p', project]);
  const steps = () =>
    journal(project)
      .map((e) => `${e.event} ${e.role ?? ''} ${e.file ?? ''} ${e.detail ?? ''}`)
      .join('\n');
  const roles = await panesByRole(h);
  const screens = async () => {
    const out = new Map<string, string>();
    for (const [role, pane] of roles) out.set(role, await h.capture(pane.id).catch((error: unknown) => `(capture failed: ${String(error)})`));
    return out;
  };
  let last = new Map<string, string>();
  const story = () =>
    `journal:\n${steps()}\ndeliveries:\n${deliveryLog(h).join('\n')}\n${[...last].map(([role, screen]) => `--- ${role}:\n${screen}`).join('\n')}`;
  // A watch, a failed delivery or a nudge already breaks "each task once": say so at once.
  const wrong = (e: JournalEntry) => e.event === 'watch' || e.event === 'delivery-failed' || e.event === 'nudge' || e.event === 'notice-failed';
  let stuck: JournalEntry | undefined;
  await waitFor(
    'the orchestrator ended the run with work-done --done',
    async () => {
      const entries = journal(project);
      if (entries.some((e) => e.event === 'done')) return true;
      last = await screens();
      stuck = entries.find(wrong);
      return stuck !== undefined;
    },
    { timeoutMs, intervalMs: 1000, describe: story },
  );
  if (stuck !== undefined) throw new Error(`the run went wrong: ${stuck.event} ${stuck.role ?? ''} ${stuck.watch ?? ''} ${stuck.detail ?? ''}\n${story()}`);
  const ms = Date.now() - started;
  const log = join(main.root, 'mock.jsonl');
  const prompts = (existsSync(log) ? readFileSync(log, 'utf8') : '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { ntools?: number; prompt?: string; toolResult?: string })
    .filter((request) => (request.ntools ?? 0) > 0 && request.toolResult === undefined)
    .map((request) => request.prompt ?? '');
  return { h, sandbox: main, project, ms, entries: journal(project), screens: await screens(), prompts, deliveries: deliveryLog(h) };
}

/** The task line the deck types into a worker (prompt-lines.ts). */
export const taskLine = (role: string) => `Read .dot-agent-deck/${GROUP}/task-${role}.md for your task.`;

/** How often `text` shows on a screen, whatever rows it wraps across (spaces and box borders out).
 *  A status row that names the session by its first prompt (Codex's footer: `model · dir · text`)
 *  is the agent's title for the thread, not a copy of what was typed. */
export function countOnScreen(screen: string, text: string): number {
  const squeeze = (s: string) => s.replace(/[\s\u2500-\u259f┃│]/gu, '');
  const start = text.slice(0, 12);
  const hay = squeeze(
    screen
      .split('\n')
      .filter((row) => !row.includes(`· ${start}`))
      .join('\n'),
  );
  const needle = squeeze(text);
  let count = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) count++;
  return count;
}

export function ranLines(project: string, role: string): string[] {
  const file = join(project, `ran-${role}.txt`);
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
    : [];
}
