// Reads the task directories of a project (`.dot-agent-deck/<group>/tasks/<id>/`) for
// `dot-agent-deck tasks`: each task's status file and which of its files exist. Bounded: at most
// MAX_GROUPS groups and MAX_TASKS tasks per group are read; a status file that does not parse is
// reported, not trusted.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_STATE_DIR } from '../config/paths.js';
import { checkpointFile, taskDir, taskReportFile, taskSourceFile, taskStatusFile } from './prompt-lines.js';
import { OPEN_STATES, TaskStatus } from './task-status.js';

const MAX_GROUPS = 100;
const MAX_TASKS = 1000;
/** A status file is one short JSON line. */
const MAX_STATUS_BYTES = 4096;

export interface TaskListing extends TaskStatus {
  open: boolean;
  /** The task's directory, relative to the project. */
  dir: string;
  files: { task: string | null; checkpoint: string | null; report: string | null; questions: string[]; replies: string[] };
}

export interface TaskListResult {
  tasks: TaskListing[];
  /** Task directories whose status could not be read, with why. */
  unreadable: Array<{ dir: string; reason: string }>;
}

function names(dir: string, max: number): string[] {
  try {
    return readdirSync(dir).sort().slice(0, max);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function listTasks(projectDir: string, options: { open?: boolean } = {}): TaskListResult {
  const tasks: TaskListing[] = [];
  const unreadable: TaskListResult['unreadable'] = [];
  const state = join(projectDir, PROJECT_STATE_DIR);
  for (const group of names(state, MAX_GROUPS)) {
    const tasksDir = join(state, group, 'tasks');
    if (!isDir(tasksDir)) continue;
    for (const id of names(tasksDir, MAX_TASKS)) {
      if (!isDir(join(tasksDir, id))) continue;
      const dir = taskDir(group, id);
      const statusPath = join(projectDir, taskStatusFile(group, id));
      let status: TaskStatus;
      try {
        if (!isFile(statusPath)) throw new Error('no status file');
        const text = readFileSync(statusPath, 'utf8').slice(0, MAX_STATUS_BYTES);
        const parsed = TaskStatus.safeParse(JSON.parse(text));
        if (!parsed.success) throw new Error('the status file is not one the deck wrote');
        status = parsed.data;
      } catch (error) {
        unreadable.push({ dir, reason: error instanceof SyntaxError ? 'the status file is not JSON' : (error as Error).message });
        continue;
      }
      const open = OPEN_STATES.has(status.state);
      if (options.open && !open) continue;
      const present = (relative: string) => (isFile(join(projectDir, relative)) ? relative : null);
      const inside = names(join(projectDir, dir), 500);
      tasks.push({
        ...status,
        open,
        dir,
        files: {
          task: present(taskSourceFile(group, id)),
          checkpoint: present(checkpointFile(group, id)),
          report: present(taskReportFile(group, id)),
          questions: inside.filter((name) => /^question-\d+\.md$/.test(name)).map((name) => `${dir}/${name}`),
          replies: inside.filter((name) => /^reply-\d+\.md$/.test(name)).map((name) => `${dir}/${name}`),
        },
      });
    }
  }
  tasks.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
  return { tasks, unreadable };
}
