// What a firing schedule does in the daemon: open an orchestration with its task, dispatch into
// a fresh worktree, or start one command in a pane; hand a task to a run that still lives
// (`overlap = reuse`); and journal the firing in the schedule's directory.
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserError, errorMessage } from '../common/errors.js';
import { readFileNoFollowSync } from '../common/fs-no-follow.js';
import { writeCoordinationFile } from '../orchestration/coordination-files.js';
import { appendJournal } from '../orchestration/journal.js';
import { MAX_TASK_TEXT } from '../protocol/messages.js';
import type { DaemonContext } from './context.js';
import { dispatch } from './dispatch.js';
import { openOrchestration } from './orchestration-requests.js';
import type { ScheduleRunner } from './scheduler.js';

/** `context` is read when a schedule fires: the scheduler is built before the daemon's context. */
export function scheduleRunner(context: () => DaemonContext): ScheduleRunner {
  return {
    async start(schedule, slot) {
      const daemon = context();
      const { action } = schedule;
      switch (action.kind) {
        case 'orchestration': {
          const task = action.taskFile ? readTask(schedule.dir, action.taskFile) : undefined;
          const opened = await openOrchestration(daemon.orchestration, {
            kind: 'up',
            projectDir: schedule.dir,
            ...(action.orchestration ? { orchestration: action.orchestration } : {}),
            ...(task !== undefined ? { task } : {}),
          });
          return { tab: opened.group, panes: startFirst(opened.orchestrator, opened.panes), detail: `opened ${opened.orchestration} in tab ${opened.group}` };
        }
        case 'dispatch': {
          const name = `${schedule.name}-${stamp(slot)}`;
          const result = await dispatch(daemon, {
            kind: 'dispatch',
            repoDir: schedule.dir,
            name,
            target: action.single
              ? { kind: 'single', command: action.single }
              : { kind: 'orchestration', ...(action.orchestration ? { orchestration: action.orchestration } : {}) },
            task: readTask(schedule.dir, action.taskFile),
          });
          return { tab: result.tab, panes: startFirst(result.start, result.panes), detail: `dispatched ${name} to ${result.path} (${result.baseNote})` };
        }
        case 'command': {
          const tab = `schedule-${schedule.name}`;
          const pane = daemon.registry.create({ command: action.command, cwd: schedule.dir, name: schedule.name, tab });
          return { tab, panes: [pane.id], detail: `started ${pane.id} in tab ${tab}` };
        }
      }
    },

    async reuse(schedule, run) {
      const daemon = context();
      const { action } = schedule;
      const start = run.panes[0];
      if (action.kind === 'command' || !start) return `the run of ${run.at} still runs; a command has no task to hand over, so it was left alone`;
      const taskFile = action.taskFile;
      if (!taskFile) return `the run of ${run.at} still runs; this schedule has no task file, so it was left alone`;
      const cwd = daemon.registry.get(start).cwd;
      const relative = `.dot-agent-deck/schedule-${schedule.name}-task.md`;
      writeCoordinationFile(cwd, relative, readTask(schedule.dir, taskFile));
      const outcome = await daemon.orchestration.deliverToPane(start, `Read ${relative} for a new task and carry it out.`);
      if (!outcome.ok) throw new UserError(`The task could not be handed to ${start}: ${outcome.reason}`);
      return `handed the task to ${start} in tab ${run.tab ?? '?'}`;
    },

    isLive(run) {
      const { registry } = context();
      return run.panes.some((paneId) => registry.isRunning(paneId, null));
    },

    journal(schedule, run) {
      try {
        appendJournal(schedule.dir, {
          at: run.at,
          event: 'scheduled',
          group: run.tab ?? `schedule-${schedule.name}`,
          from: schedule.name,
          detail: `${run.result}: ${run.detail}`.slice(0, 1000),
          ...(run.panes[0] ? { paneId: run.panes[0] } : {}),
        });
      } catch (error) {
        context().logger.warn('schedule run not journaled', { schedule: schedule.name, error: errorMessage(error) });
      }
    },
  };
}

function startFirst(start: string, panes: readonly { id: string }[]): string[] {
  return [start, ...panes.map((pane) => pane.id).filter((id) => id !== start)];
}

/** `20260103-0300`, in the daemon's local time: the dispatch NAME of a scheduled run. */
function stamp(slot: number): string {
  const d = new Date(slot);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}`;
}

/** The task file, read when the schedule fires, so edits apply to the next run. */
function readTask(dir: string, file: string): string {
  const path = isAbsolute(file) ? file : join(dir, file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError(`The task file ${path} does not exist any more.`, {
      hint: 'restore it, or point the schedule at another with `schedule update --task-file`',
    });
  }
  if (size > MAX_TASK_TEXT) throw new UserError(`The task file ${path} is larger than ${MAX_TASK_TEXT} bytes.`);
  const text = readFileNoFollowSync(path);
  if (text.includes('\0')) throw new UserError(`The task file ${path} contains NUL bytes; a task is text.`);
  return text;
}
