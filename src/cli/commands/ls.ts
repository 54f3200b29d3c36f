// `ls`: every pane the daemon holds.
import type { PaneInfo } from '../../protocol/messages.js';
import { journalWarning } from '../../protocol/journal-warning.js';
import { connectDaemon } from '../daemon-client.js';
import { json, table } from '../format.js';
import type { CommandRegistrar } from '../program.js';

export const registerLs: CommandRegistrar = (program, ctx) => {
  program
    .command('ls')
    .description('list panes: id, name, state, agent status, pid, tab, role, command, directory')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const { panes, notices = [] } = await connection.request({ kind: 'list' });
        if (options.json) {
          ctx.io.stdout(json({ panes, notices }));
          return;
        }
        if (panes.length === 0) ctx.io.stdout('no panes\n');
        else ctx.io.stdout(table(['ID', 'NAME', 'STATE', 'STATUS', 'PID', 'TAB', 'ROLE', 'COMMAND', 'CWD'], panes.map(row)));
        // On stderr, so a script reading the table is not thrown by them.
        for (const notice of notices) ctx.io.stderr(`warning: ${notice}\n`);
        for (const [tab, problem] of journalProblems(panes)) ctx.io.stderr(`warning: tab ${tab}: ${journalWarning(problem)}\n`);
      } finally {
        connection.dispose();
      }
    });
};

/** One journal problem per tab (every role pane of the tab carries the same one). */
function journalProblems(panes: readonly PaneInfo[]): Map<string, string> {
  const byTab = new Map<string, string>();
  for (const pane of panes) if (pane.tab && pane.journalProblem) byTab.set(pane.tab, pane.journalProblem);
  return byTab;
}

function row(pane: PaneInfo): string[] {
  return [
    pane.id,
    pane.name,
    stateText(pane),
    statusText(pane),
    pane.pid === null ? '-' : String(pane.pid),
    pane.tab ?? '-',
    pane.role ?? '-',
    pane.command,
    pane.cwd,
  ];
}

/** The card's status word with what it is about: `working: Bash`, `blocked: usage limit`. */
export function statusText(pane: PaneInfo): string {
  const { kind, tool, reason } = pane.status;
  const about = kind === 'working' || kind === 'needs-input' ? (tool ?? reason) : reason;
  return about ? `${kind}: ${about}` : kind;
}

export function stateText(pane: PaneInfo): string {
  if (pane.state === 'failed') return 'failed';
  if (pane.state === 'running') return pane.restored ? 'running (restored)' : 'running';
  const exit = pane.exit;
  if (exit?.signal) return `exited (${exit.signal})`;
  return `exited (${exit?.exitCode ?? '?'})`;
}
