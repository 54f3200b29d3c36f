// `log`: the orchestration timeline of a project, from its journal; --follow keeps printing new
// steps as they are appended (watched with chokidar, reading only what was added).
import { statSync } from 'node:fs';
import { UserError } from '../../common/errors.js';
import { readJournal, type JournalRead } from '../../orchestration/journal.js';
import { openCommissions, openedGroups } from '../../orchestration/journal-replay.js';
import { timelineLines } from '../../orchestration/timeline.js';
import { findDeckWorktrees } from '../../daemon/worktree-inspect.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

export const registerLog: CommandRegistrar = (program, ctx) => {
  program
    .command('log')
    .description('print the orchestration timeline of a project (from .dot-agent-deck/journal.jsonl)')
    .option('-p, --project <dir>', 'project directory', '.')
    .option('--json', 'print the journal entries as JSON lines')
    .option('--follow', 'keep printing new entries until interrupted')
    .option('--worktrees', "also the timelines of the repository's dispatch worktrees (`dot-agent-deck dispatch`)")
    .action(async (options: { project: string; json?: boolean; follow?: boolean; worktrees?: boolean }) => {
      const target = await resolveProjectTarget(options.project, ctx.io.cwd, false);
      if (options.worktrees) {
        if (options.follow) throw new UserError('--follow follows one journal; leave out --worktrees, or pass -p WORKTREE.', { exitCode: 2 });
        const { repo, worktrees } = await findDeckWorktrees(target.path);
        for (const project of [{ name: null, path: repo }, ...worktrees]) {
          const read = readJournal(project.path);
          if (options.json) {
            for (const entry of read.entries) ctx.io.stdout(`${JSON.stringify({ ...entry, project: project.path })}\n`);
            continue;
          }
          ctx.io.stdout(`== ${project.name === null ? project.path : `dispatch ${project.name} (${project.path})`}\n`);
          const lines = [...timelineLines(read.entries), ...openLines(read)];
          ctx.io.stdout(lines.length > 0 ? `${lines.join('\n')}\n` : 'no orchestration has run here yet\n');
        }
        return;
      }
      const print = (read: JournalRead) => {
        for (const bad of read.corrupt) ctx.io.stderr(`warning: skipped a corrupted journal line (${bad.reason}; line ${bad.line} of the part read)\n`);
        const lines = options.json ? read.entries.map((entry) => JSON.stringify(entry)) : timelineLines(read.entries);
        if (lines.length > 0) ctx.io.stdout(`${lines.join('\n')}\n`);
      };
      let read = readJournal(target.path);
      if (read.truncated) ctx.io.stderr('note: the journal is long; only its most recent part is shown\n');
      print(read);
      if (!options.json) {
        const open = openLines(read);
        if (open.length > 0) ctx.io.stdout(`${open.join('\n')}\n`);
      }
      if (!options.follow) {
        if (read.entries.length === 0 && read.corrupt.length === 0) ctx.io.stderr(`No orchestration has run in ${target.path} yet.\n`);
        return;
      }
      // chokidar watches the directory, so a journal that is rotated (renamed, then started
      // afresh) or created later is followed too; a file shorter than what was read is new.
      const { watch } = await import('chokidar');
      const watcher = watch(target.path, { ignoreInitial: true });
      const more = () => {
        let from = read.end;
        try {
          if (statSync(target.path).size < from) from = 0;
        } catch {
          return; // between a rotation's rename and the next append
        }
        read = readJournal(target.path, { from });
        print(read);
      };
      // 'ready' reads once more: what was appended while the watch was being set up.
      watcher.on('add', more).on('change', more).on('ready', more);
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
      });
      await watcher.close();
    });
};

/** Commissions still waiting for a report, per group: what an overnight reader looks for first. */
function openLines(read: JournalRead): string[] {
  const lines: string[] = [];
  for (const group of openedGroups(read.entries).keys()) {
    for (const commission of openCommissions(read.entries, group, 0)) {
      const state = commission.deliveredAt === null ? 'not delivered yet' : 'delivered, waiting for work-done';
      lines.push(`open: [${group}] ${commission.role} since ${new Date(commission.delegatedAt).toISOString()} (${state}; ${commission.taskFile})`);
    }
  }
  return lines;
}
