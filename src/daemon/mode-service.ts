// The daemon's workspace modes: opening a mode's tab (the agent pane, its persistent side panes,
// the seed prompt), and its reactive pool, fed by the agent's pre-tool hooks. Everything a mode
// tab is lives on its panes (PaneInfo.mode, saved in session.json), so a tab survives a detach
// and a daemon restart without state of its own here; the project file is read fresh each time.
import { isAbsolute } from 'node:path';
import { UserError, errorMessage } from '../common/errors.js';
import type { Disposable } from '../common/disposable.js';
import type { Logger } from '../common/logger.js';
import type { WorkspaceMode } from '../config/project-schema.js';
import { commandLineOf } from '../agents/shell-command.js';
import { writeCoordinationFile } from '../orchestration/coordination-files.js';
import type { DeliveryOutcome } from '../orchestration/delivery.js';
import { groupDir, isSafeTypedLine } from '../orchestration/prompt-lines.js';
import type { PaneInfo, RequestOf, ResponseMap } from '../protocol/messages.js';
import type { ShellCommand } from '../protocol/pane-status.js';
import { chooseSlot, matchingRule, persistentCommand, reactiveCommand, reactiveTitle, type ReactiveSlot } from './mode-plan.js';
import { loadValidProject } from './orchestration-config.js';
import type { ShellTyper } from './mode-shell.js';
import type { PaneRegistry } from './pane-registry.js';

export interface ModeServiceOptions {
  registry: PaneRegistry;
  logger: Logger;
  /** The shell that runs scripts (the panes' $SHELL, else /bin/sh). */
  shell: string;
  /** A tab name not yet used by any pane or orchestration: `name`, `name-2`, … */
  uniqueTab(name: string): string;
  /** Types init_command and then a pane's own command into its shell. */
  typer: Pick<ShellTyper, 'typeLines'>;
  /** The confirmed delivery delegations use (readiness, one line, confirmation). */
  deliver(paneId: string, line: string): Promise<DeliveryOutcome>;
  now?: () => Date;
}

/** Agent commands waiting for a slot per tab; past this a burst is dropped (and logged). */
const MAX_PENDING_PER_TAB = 8;

export async function loadMode(projectDir: string, name: string): Promise<WorkspaceMode> {
  const { file, config } = await loadValidProject(projectDir);
  const mode = config.modes.find((candidate) => candidate.name === name);
  if (!mode) {
    const names = config.modes.map((candidate) => candidate.name);
    throw new UserError(`No mode ${JSON.stringify(name)} in ${file}.`, {
      hint: names.length > 0 ? `modes: ${names.join(', ')}` : 'add a [[modes]] table (see `dot-agent-deck init`)',
    });
  }
  return mode;
}

/** Seed prompts typed as they are: one short line of characters no shell or input box acts on. */
const MAX_TYPED_SEED = 400;

/** The line the agent gets: a short plain prompt itself; anything else goes into a file in the
 *  tab's directory, and the agent is told to read it (delivery types only shell-safe lines). */
function seedLine(projectDir: string, tab: string, prompt: string): string {
  const text = prompt.trim();
  if (text.length <= MAX_TYPED_SEED && isSafeTypedLine(text)) return text;
  const file = `${groupDir(tab)}/seed-prompt.md`;
  writeCoordinationFile(projectDir, file, `${text}\n`);
  return `Read ${file} and do what it says`;
}

function initOf(mode: WorkspaceMode): string | null {
  return mode.init_command !== undefined && mode.init_command.trim() !== '' ? mode.init_command : null;
}

export class ModeService implements Disposable {
  private readonly pending = new Map<string, { chain: Promise<void>; count: number }>();
  private disposed = false;

  constructor(private readonly options: ModeServiceOptions) {}

  /** Opens the mode in a new tab named after it; nothing stays half-open when a pane cannot start. */
  async open(request: RequestOf<'open-mode'>): Promise<ResponseMap['open-mode']> {
    if (!isAbsolute(request.projectDir)) throw new UserError(`The project directory must be an absolute path, got "${request.projectDir}".`);
    const mode = await loadMode(request.projectDir, request.mode);
    const { registry } = this.options;
    const tab = this.options.uniqueTab(mode.name);
    const size = { cols: request.cols, rows: request.rows };
    const init = initOf(mode);
    // With init_command every pane starts the shell, and its command is typed after init_command.
    const spec = (command: string) => (init === null ? { command, run: null } : { command: this.options.shell, run: command });
    const part = (kind: 'agent' | 'persistent', slot: number, run: string | null) => ({ mode: mode.name, part: kind, slot, rule: null, ranAt: null, run });
    const panes: PaneInfo[] = [];
    try {
      const commands = mode.panes.map((pane) => spec(persistentCommand(pane, this.options.shell)));
      const agentSpec = spec(request.command);
      panes.push(
        registry.create({
          command: agentSpec.command,
          cwd: request.projectDir,
          name: request.name ?? mode.name,
          tab,
          mode: part('agent', 0, agentSpec.run),
          ...size,
        }),
      );
      mode.panes.forEach((pane, slot) => {
        const { command, run } = commands[slot]!;
        panes.push(registry.create({ command, cwd: request.projectDir, name: pane.name ?? pane.command, tab, mode: part('persistent', slot, run), ...size }));
      });
    } catch (error) {
      for (const pane of panes) await registry.kill(pane.id);
      throw error;
    }
    const agent = panes[0]!;
    const primed = panes.map((pane) => this.prime(pane.id, init, pane.mode?.run ?? null));
    if (mode.seed_prompt !== undefined && mode.seed_prompt.trim() !== '') {
      const line = seedLine(request.projectDir, tab, mode.seed_prompt);
      // After the agent was typed into its shell: the seed is for the agent, not the shell.
      void primed[0]!.then((ok) => ok && this.seed(agent.id, line));
    }
    return { tab, mode: mode.name, panes, agent: agent.id };
  }

  /** After a daemon restart: panes whose command is typed into their shell get it typed again,
   *  after the mode's init_command as the project file says it now. */
  restore(): void {
    for (const pane of this.options.registry.list()) {
      const run = pane.mode?.run;
      if (!pane.restored || !run || pane.state !== 'running') continue;
      void loadMode(pane.cwd, pane.mode!.mode)
        .then((mode) => this.prime(pane.id, initOf(mode), run))
        .catch((error: unknown) => {
          this.options.logger.warn('mode: the mode of a restored pane is gone; its command is typed without init_command', {
            pane: pane.id,
            error: errorMessage(error),
          });
          return this.prime(pane.id, null, run);
        });
    }
  }

  /** The agent of a mode tab is about to run `command`: a matching rule re-runs it in the pool. */
  react(paneId: string, command: ShellCommand): void {
    if (this.disposed) return;
    let pane: PaneInfo;
    try {
      pane = this.options.registry.get(paneId);
    } catch {
      return;
    }
    if (pane.mode?.part !== 'agent' || pane.tab === null) return;
    const tab = pane.tab;
    const queue = this.pending.get(tab) ?? { chain: Promise.resolve(), count: 0 };
    if (queue.count >= MAX_PENDING_PER_TAB) {
      this.options.logger.warn('mode: too many agent commands at once; one was not re-run', { tab });
      return;
    }
    queue.count++;
    // One at a time per tab: two commands at once must not take the same slot.
    queue.chain = queue.chain
      .then(() => this.route(pane, tab, command))
      .catch((error: unknown) => this.options.logger.error('mode: could not re-run an agent command', { tab, error: errorMessage(error) }))
      .finally(() => {
        queue.count--;
        if (queue.count === 0) this.pending.delete(tab);
      });
    this.pending.set(tab, queue);
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
  }

  private async route(agent: PaneInfo, tab: string, command: ShellCommand): Promise<void> {
    const mode = await loadMode(agent.cwd, agent.mode!.mode);
    const line = commandLineOf(command);
    const rule = matchingRule(mode.rules, line);
    if (!rule || mode.reactive_panes === 0 || this.disposed) return;
    const { registry } = this.options;
    const pool: ReactiveSlot[] = registry
      .list()
      .filter((pane) => pane.tab === tab && pane.mode?.part === 'reactive')
      .map((pane) => ({ paneId: pane.id, mode: pane.mode! }));
    const at = (this.options.now ?? (() => new Date()))();
    const choice = chooseSlot(pool, mode.reactive_panes);
    const init = initOf(mode);
    const rerunLine = reactiveCommand(command, rule, this.options.shell);
    const spawn = init === null ? rerunLine : this.options.shell;
    const run = init === null ? null : rerunLine;
    const part = { mode: mode.name, part: 'reactive' as const, slot: choice.slot, rule: rule.pattern, ranAt: at.toISOString(), run };
    const title = reactiveTitle(line, at);
    let paneId: string;
    if (choice.kind === 'new') {
      paneId = registry.create({
        command: spawn,
        cwd: agent.cwd,
        name: title,
        tab,
        mode: part,
        cols: agent.cols || undefined,
        rows: agent.rows || undefined,
      }).id;
    } else {
      paneId = choice.paneId;
      await registry.respawn(paneId, spawn);
      registry.setMode(paneId, part, title);
    }
    void this.prime(paneId, init, run);
    this.options.logger.info('mode: agent command re-run', { tab, rule: rule.pattern, slot: choice.slot });
  }

  /** Types init_command and the pane's command into its shell; true when there was nothing to
   *  type or all of it was typed. */
  private prime(paneId: string, init: string | null, run: string | null): Promise<boolean> {
    if (run === null) return Promise.resolve(true);
    return this.options.typer.typeLines(paneId, init === null ? [run] : [init, run]).then(
      () => true,
      (error: unknown) => {
        this.options.logger.warn('mode: could not type into a pane', { paneId, error: errorMessage(error) });
        return false;
      },
    );
  }

  private seed(paneId: string, prompt: string): void {
    this.options
      .deliver(paneId, prompt)
      .then((outcome) =>
        outcome.ok
          ? this.options.logger.info('mode: seed prompt delivered', { paneId, confirmedBy: outcome.confirmedBy })
          : this.options.logger.warn('mode: seed prompt not delivered', { paneId, reason: outcome.reason }),
      )
      .catch((error: unknown) => this.options.logger.error('mode: seed prompt not delivered', { paneId, error: errorMessage(error) }));
  }
}
