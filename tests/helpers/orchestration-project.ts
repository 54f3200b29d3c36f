// A project directory whose orchestration runs simulated agents (examples/demo/sim-agent.mjs),
// each driven by a JSON script. The daemon puts its own `dot-agent-deck` first on every pane's PATH.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JournalEntry } from '../../src/orchestration/journal-entry.js';
import { readJournal } from '../../src/orchestration/journal.js';
import type { PaneInfo } from '../../src/protocol/messages.js';
import type { DaemonHarness } from './daemon-harness.js';

export const SIM_AGENT = fileURLToPath(new URL('../../examples/demo/sim-agent.mjs', import.meta.url));

export interface SimRole {
  name: string;
  start?: boolean;
  clear?: boolean;
  description?: string;
  promptTemplate?: string;
  /** The sim-agent script (startDelayMs, workMs, question, report, turns, exitAfterTasks, limit). */
  script: Record<string, unknown>;
  /** The program that starts the sim agent (default `node <sim-agent.mjs>`); a wrapper named
   *  like a real CLI (see `standIn`) gets that CLI's screen rules. */
  program?: string;
  /** A remote of config.toml whose daemon runs the role (`host = "NAME"`). */
  host?: string;
}

/** An executable `dir/<name>` that runs the sim agent: the deck takes it for that agent CLI
 *  (`claude` → Claude Code rules, readiness and limit screens). Returns the program to use. */
export function standIn(dir: string, name: 'claude' | 'codex' | 'gemini' | 'opencode'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(SIM_AGENT)} "$@"\n`, { mode: 0o755 });
  return `./${name}`;
}

/** The simulated orchestrator most tests start with: ready at once, quick to answer, running `turns`
 *  (`{ after: [regex…], actions: [{ run: argv }…] }`) as prompts reach it. */
export function simOrchestrator(turns: unknown[], extra: Omit<SimRole, 'name' | 'script'> = {}): SimRole {
  return { name: 'orchestrator', start: true, ...extra, script: { startDelayMs: 100, workMs: 10, turns } };
}

/** Writes `.dot-agent-deck.toml` and one script per role into `dir`. */
export function writeSimProject(dir: string, name: string, roles: SimRole[], top: string[] = []): void {
  mkdirSync(dir, { recursive: true });
  const lines = [...top, '[[orchestrations]]', `name = "${name}"`];
  for (const role of roles) {
    writeFileSync(join(dir, `${role.name}.json`), JSON.stringify(role.script));
    lines.push(
      '[[orchestrations.roles]]',
      `name = "${role.name}"`,
      `command = "${role.program ?? `node ${SIM_AGENT}`} --role ${role.name} --script ${role.name}.json"`,
      ...(role.start ? ['start = true'] : []),
      ...(role.clear === false ? ['clear = false'] : []),
      ...(role.description ? [`description = "${role.description}"`] : []),
      ...(role.promptTemplate ? [`prompt_template = ${JSON.stringify(role.promptTemplate)}`] : []),
      ...(role.host ? [`host = "${role.host}"`] : []),
    );
  }
  writeFileSync(join(dir, '.dot-agent-deck.toml'), `${lines.join('\n')}\n`);
}

export function journal(dir: string): JournalEntry[] {
  return readJournal(dir).entries;
}

export function readProjectFile(dir: string, relative: string): string {
  return readFileSync(join(dir, relative), 'utf8');
}

/** The deck's variables in the environment of the pane's process, read from /proc as any process
 *  of that pane would inherit them: the credential is nowhere else to be had. */
export function paneProcessEnv(pane: PaneInfo): Record<string, string> {
  if (pane.pid === null) throw new Error(`pane ${pane.id} has no process`);
  const raw = readFileSync(`/proc/${pane.pid}/environ`, 'utf8');
  const env: Record<string, string> = {};
  for (const pair of raw.split('\0')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.startsWith('DOT_AGENT_DECK_')) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

/** The environment a pane's program has: what `delegate`/`work-done` read. */
export function paneEnv(h: DaemonHarness, pane: PaneInfo): NodeJS.ProcessEnv {
  return { ...h.deck.env, ...paneProcessEnv(pane), DOT_AGENT_DECK_SOCKET: h.deck.socket };
}

export async function panesByRole(h: DaemonHarness): Promise<Map<string, PaneInfo>> {
  const { panes } = JSON.parse(await h.ok(['ls', '--json'])) as { panes: PaneInfo[] };
  return new Map(panes.filter((pane) => pane.role).map((pane) => [pane.role!, pane]));
}
