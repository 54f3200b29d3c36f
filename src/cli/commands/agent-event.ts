// `agent-event`: a script, or an agent without hooks, reports its own status from inside its pane
// (`--status working --tool Bash --detail "npm test"`); the card shows it. Bad input is refused
// here, before anything is sent; the daemon checks again and binds the report to the pane's agent.
import { UserError } from '../../common/errors.js';
import { AgentReport, MAX_REPORT_DETAIL, MAX_REPORT_TOOL, REPORTED_STATUSES } from '../../protocol/agent-report.js';
import { assertInsidePane, connectFromPane } from '../pane-caller.js';
import type { CommandRegistrar } from '../program.js';

interface AgentEventOptions {
  status: string;
  tool?: string;
  detail?: string;
}

export const registerAgentEvent: CommandRegistrar = (program, ctx) => {
  program
    .command('agent-event')
    .description("(run inside a pane) report this pane's status for its card: working, thinking, idle, needs-input or blocked")
    .requiredOption('--status <status>', REPORTED_STATUSES.join(' | '))
    .option('--tool <name>', `the tool in use (at most ${MAX_REPORT_TOOL} characters)`)
    .option('--detail <text>', `what it works on, or why it waits (at most ${MAX_REPORT_DETAIL} characters)`)
    .action(async (options: AgentEventOptions) => {
      const report = parseReport(options);
      assertInsidePane(ctx.io.env, 'agent-event');
      const connection = await connectFromPane(ctx.io.env);
      try {
        const result = await connection.request({ kind: 'agent-event', report });
        ctx.io.stdout(`Pane ${result.paneId}: ${result.status.kind}\n`);
      } finally {
        connection.dispose();
      }
    });
};

/** The options as a report, or a UserError naming the option and what it may be. */
export function parseReport(options: AgentEventOptions): AgentReport {
  const parsed = AgentReport.safeParse({ status: options.status, tool: options.tool ?? null, detail: options.detail ?? null });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = String(issue.path[0] ?? 'status');
  const given = JSON.stringify((options as unknown as Record<string, unknown>)[option] ?? '');
  const rule =
    option === 'status'
      ? `must be one of ${REPORTED_STATUSES.join(', ')}`
      : `must be 1 to ${option === 'tool' ? MAX_REPORT_TOOL : MAX_REPORT_DETAIL} characters on one line, without control characters`;
  throw new UserError(`--${option} ${given.length > 60 ? `${given.slice(0, 57)}…"` : given} ${rule}.`, { exitCode: 2 });
}
