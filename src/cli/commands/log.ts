// `log`: the orchestration timeline of a project, from its journal; --follow keeps printing new
// steps (polling the file, reading only what was appended).
import { readJournal, type JournalRead } from '../../orchestration/journal.js';
import { openCommissions, openedGroups } from '../../orchestration/journal-replay.js';
import { timelineLines } from '../../orchestration/timeline.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

/** 500 ms: new steps show up about as fast as a person reads them, at no measurable cost. */
const FOLLOW_INTERVAL_MS = 500;

export const registerLog: CommandRegistrar = (program, ctx) => {
  program
    .command('log')
    .description('print the orchestration timeline of a project (from .dot-agent-deck/journal.jsonl)')
    .option('-p, --project <dir>', 'project directory', '.')
    .option('--json', 'print the journal entries as JSON lines')
    .option('--follow', 'keep printing new entries until interrupted')
    .action(async (options: { project: string; json?: boolean; follow?: boolean }) => {
      const target = await resolveProjectTarget(options.project, ctx.io.cwd, false);
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
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, FOLLOW_INTERVAL_MS));
        read = readJournal(target.path, { from: read.end });
        print(read);
      }
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
