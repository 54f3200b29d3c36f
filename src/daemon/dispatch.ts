// `dispatch NAME`: a git worktree of its own for one task, and the orchestration (or one agent)
// opened there in its own tab with the task handed to the start role. The worktree has its own
// `.dot-agent-deck/` (task files, reports, journal), so two dispatches of one orchestration
// never share a file or a routing group. If the panes cannot open, the worktree is removed again.
import { basename } from 'node:path';
import { UserError, errorMessage } from '../common/errors.js';
import { loadProjectConfig } from '../config/load-project.js';
import { resolveOrchestrationName } from '../config/project-checks.js';
import { writeCoordinationFile } from '../orchestration/coordination-files.js';
import type { PaneInfo, RequestOf, ResponseMap } from '../protocol/messages.js';
import type { DaemonContext } from './context.js';
import { mainCheckout } from './git-repo.js';
import { openOrchestration } from './orchestration-requests.js';
import { createWorktree, removeCreated, type CreatedWorktree } from './worktree-create.js';

/** Where a single agent's task is written, relative to its worktree. */
export const SINGLE_TASK_FILE = '.dot-agent-deck/dispatch-task.md';

export async function dispatch(daemon: DaemonContext, request: RequestOf<'dispatch'>): Promise<ResponseMap['dispatch']> {
  if (request.target.kind === 'orchestration') await checkTarget(request.repoDir, request.target.orchestration);
  const created = await createWorktree(request.repoDir, request.name, request.base);
  try {
    const opened = await open(daemon, request, created);
    daemon.logger.info('dispatched', { name: created.name, path: created.path, base: created.base.sha, panes: opened.panes.map((pane) => pane.id) });
    return {
      name: created.name,
      path: created.path,
      branch: created.branch,
      base: created.base.sha,
      baseNote: created.base.note,
      copied: created.copied,
      ...opened,
    };
  } catch (error) {
    await removeCreated(created.repo, created.path, created.branch);
    if (error instanceof UserError) throw error;
    throw new UserError(`The dispatch's panes could not open in ${created.path} (${errorMessage(error)}); the worktree was removed again.`);
  }
}

async function open(
  daemon: DaemonContext,
  request: RequestOf<'dispatch'>,
  created: CreatedWorktree,
): Promise<{ tab: string; panes: PaneInfo[]; start: string }> {
  if (request.target.kind === 'orchestration') {
    const result = await openOrchestration(daemon.orchestration, {
      kind: 'up',
      projectDir: created.path,
      ...(request.target.orchestration ? { orchestration: request.target.orchestration } : {}),
      task: request.task,
    });
    return { tab: result.group, panes: result.panes, start: result.orchestrator };
  }
  writeCoordinationFile(created.path, SINGLE_TASK_FILE, request.task);
  const tab = `dispatch-${created.name}`;
  const pane = daemon.registry.create({ command: request.target.command, cwd: created.path, name: created.name, tab });
  // The line waits for the agent to be ready; the answer does not wait for the line.
  void daemon.orchestration.deliverToPane(pane.id, `Read ${SINGLE_TASK_FILE} for your task and carry it out.`).catch((error: unknown) => {
    daemon.logger.warn('the dispatch task line was not delivered', { pane: pane.id, error: errorMessage(error) });
  });
  return { tab, panes: [pane], start: pane.id };
}

/** Refuses an orchestration the project file does not have before any worktree exists. */
async function checkTarget(repoDir: string, wanted: string | undefined): Promise<void> {
  const targets = await dispatchTargets(repoDir);
  if (targets.problem) throw new UserError(targets.problem, { hint: 'fix it with `dot-agent-deck validate`, or dispatch one agent with --single' });
  const names = targets.orchestrations.map((o) => o.name);
  if (wanted !== undefined && !names.includes(wanted)) {
    throw new UserError(`No orchestration ${JSON.stringify(wanted)} to dispatch in ${targets.repo}.`, { hint: `orchestrations: ${names.join(', ')}` });
  }
  if (wanted === undefined && names.length > 1 && !targets.orchestrations.some((o) => o.default)) {
    throw new UserError(`${targets.repo} defines ${names.length} orchestrations and none has \`default = true\`; say which one.`, {
      hint: `--orchestration ${names.join(' | ')}`,
    });
  }
}

/** What `dispatch --list-targets` prints: the orchestrations of the repository's project file. */
export async function dispatchTargets(repoDir: string): Promise<ResponseMap['dispatch-targets']> {
  const repo = await mainCheckout(repoDir);
  const loaded = await loadProjectConfig(repo, { cwd: repo });
  if (!loaded.exists) return { repo, orchestrations: [], problem: `${loaded.file} does not exist, so there is no orchestration to dispatch.` };
  if (!loaded.config) {
    const first = loaded.errors[0];
    return {
      repo,
      orchestrations: [],
      problem: `${loaded.file} has ${loaded.errors.length} error(s)${first ? `; the first: line ${first.line}: ${first.message}` : ''}.`,
    };
  }
  // Named as the worktree will name them: an unnamed orchestration takes its directory's name.
  const orchestrations = loaded.config.orchestrations.map((o) => ({
    name: resolveOrchestrationName(o.name, basename(repo)),
    roles: o.roles.map((role) => role.name),
    default: o.default === true,
  }));
  if (orchestrations.length === 0) return { repo, orchestrations, problem: `${loaded.file} defines no [[orchestrations]].` };
  return { repo, orchestrations, problem: null };
}
