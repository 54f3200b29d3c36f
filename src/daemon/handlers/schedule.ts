// `schedule-list|add|update|remove|run`: the daemon's scheduled runs (scheduler.ts). What a
// schedule points at is checked when it is added or changed, so a typo is refused now, not
// discovered at three in the morning.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserError } from '../../common/errors.js';
import type { Schedule, ScheduleSpec } from '../../config/schedule-schema.js';
import type { ScheduleView } from '../../protocol/messages.js';
import type { DaemonContext, Handler } from '../context.js';
import { mainCheckout } from '../git-repo.js';
import { loadOrchestration } from '../orchestration-config.js';

export const scheduleList: Handler<'schedule-list'> = (_request, daemon) => ({
  schedules: daemon.schedules.list().map((schedule) => view(daemon, schedule)),
  file: daemon.schedulesFile.path,
  problem: daemon.schedulesFile.problem,
});

export const scheduleAdd: Handler<'schedule-add'> = async (request, daemon) => {
  await checkTarget(request.schedule);
  return { schedule: view(daemon, daemon.schedules.add(request.schedule)) };
};

export const scheduleUpdate: Handler<'schedule-update'> = async (request, daemon) => {
  const current = daemon.schedules.list().find((schedule) => schedule.name === request.name);
  if (current && (request.patch.dir !== undefined || request.patch.action !== undefined)) await checkTarget({ ...current, ...request.patch });
  return { schedule: view(daemon, daemon.schedules.update(request.name, request.patch)) };
};

export const scheduleRemove: Handler<'schedule-remove'> = (request, daemon) => ({ name: daemon.schedules.remove(request.name).name });

export const scheduleRun: Handler<'schedule-run'> = async (request, daemon) => ({ name: request.name, run: await daemon.schedules.runNow(request.name) });

function view(daemon: DaemonContext, schedule: Schedule): ScheduleView {
  const next = daemon.schedules.nextFireAt(schedule);
  return { ...schedule, nextFireAt: next === null ? null : new Date(next).toISOString(), live: daemon.schedules.isLive(schedule) };
}

async function checkTarget(spec: ScheduleSpec): Promise<void> {
  if (!isAbsolute(spec.dir) || !existsSync(spec.dir) || !statSync(spec.dir).isDirectory()) {
    throw new UserError(`The schedule's directory ${spec.dir} is not an existing directory.`, { hint: 'pass --dir with a directory that exists' });
  }
  const { action } = spec;
  const taskFile = action.kind === 'command' ? undefined : action.taskFile;
  if (taskFile !== undefined) {
    const path = isAbsolute(taskFile) ? taskFile : join(spec.dir, taskFile);
    if (!existsSync(path) || !statSync(path).isFile())
      throw new UserError(`The task file ${path} does not exist.`, { hint: 'write the task to a file first; it is read each time the schedule fires' });
  }
  if (action.kind === 'orchestration') await loadOrchestration(spec.dir, action.orchestration);
  if (action.kind === 'dispatch') await mainCheckout(spec.dir);
}
