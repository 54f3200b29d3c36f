// The schedules file in the state directory: read once when the daemon starts, replaced
// atomically on every change. A file that cannot be read is kept aside, never overwritten
// silently: the daemon starts with no schedules and says why.
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorMessage } from '../common/errors.js';
import { writeFileAtomicSync } from '../common/fs-atomic.js';
import { readFileNoFollowSync } from '../common/fs-no-follow.js';
import { ScheduleFile, type Schedule } from '../config/schedule-schema.js';

/** A schedules file larger than this is not ours (100 schedules are a few tens of KiB). */
const MAX_FILE_BYTES = 1024 * 1024;

export interface LoadedSchedules {
  schedules: Schedule[];
  /** Why the file was set aside, for the person (`ls`, `schedule list`). */
  problem: string | null;
}

export function loadSchedules(file: string): LoadedSchedules {
  let text: string;
  try {
    text = readFileNoFollowSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schedules: [], problem: null };
    return { schedules: [], problem: `${file} could not be read (${errorMessage(error)}); no schedules are loaded.` };
  }
  const parsed = text.length > MAX_FILE_BYTES ? null : ScheduleFile.safeParse(safeJson(text));
  if (parsed?.success) return { schedules: parsed.data.schedules, problem: null };
  const aside = `${file}.unreadable-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch {
    // Left where it is; the next save replaces it.
  }
  return { schedules: [], problem: `${file} is not a schedules file this deck can read; it was moved to ${aside} and no schedules are loaded.` };
}

export function saveSchedules(file: string, schedules: readonly Schedule[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const body: ScheduleFile = { version: 1, schedules: [...schedules] };
  writeFileAtomicSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
