// `explain PANE`: why a pane shows the status it shows — the layer and rule that decided it, and
// the pane's recent hook, title and status events.
import type { ResponseMap } from '../../protocol/messages.js';
import { connectDaemon } from '../daemon-client.js';
import { json } from '../format.js';
import type { CommandRegistrar } from '../program.js';

export const registerExplain: CommandRegistrar = (program, ctx) => {
  program
    .command('explain')
    .description("show a pane's status, the rule that decided it, and its recent events")
    .argument('<pane>', 'pane id or unique name')
    .option('--json', 'print JSON')
    .action(async (pane: string, options: { json?: boolean }) => {
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const result = await connection.request({ kind: 'explain', pane });
        ctx.io.stdout(options.json ? json(result) : explainText(result));
      } finally {
        connection.dispose();
      }
    });
};

export function explainText({ pane, lastHookEvent, events }: ResponseMap['explain']): string {
  const { status } = pane;
  const extra = [status.tool, status.detail, status.reason].filter((part) => part !== null).join(' · ');
  const lines = [
    `${pane.id} (${pane.name}): ${status.kind}${extra === '' ? '' : ` — ${extra}`}`,
    `  decided by: ${status.layer} layer, rule ${status.rule}`,
    `  since:      ${status.since}`,
    `  agent:      ${pane.agentType ?? 'unknown (generic rules)'}, command ${pane.command}`,
    `  last hook:  ${lastHookEvent ?? 'none received'}`,
  ];
  const mode = pane.mode;
  if (mode) {
    const where = mode.part === 'agent' ? 'its agent pane' : mode.part === 'persistent' ? `persistent pane ${mode.slot + 1}` : `reactive slot ${mode.slot + 1}`;
    lines.push(`  mode:       ${mode.mode}, ${where}`);
    if (mode.rule !== null) lines.push(`  started by: rule ${JSON.stringify(mode.rule)}${mode.ranAt ? ` at ${mode.ranAt}` : ''}`);
  }
  if (pane.tokens !== null) {
    lines.push(`  tokens:     ${pane.tokens.input} in, ${pane.tokens.output} out, ${pane.tokens.cacheRead} cache read`);
  }
  lines.push('recent events:');
  for (const event of events) lines.push(`  ${event.at}  ${event.kind.padEnd(6)}  ${event.text}`);
  return `${lines.join('\n')}\n`;
}
