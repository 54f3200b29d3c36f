// `capture`: print a pane's screen as text, like `tmux capture-pane -p`.
import { Option } from 'commander';
import { UserError } from '../../common/errors.js';
import { connectDaemon } from '../daemon-client.js';
import { json } from '../format.js';
import type { CommandRegistrar } from '../program.js';

export const registerCapture: CommandRegistrar = (program, ctx) => {
  program
    .command('capture')
    .description("print a pane's screen as text")
    .argument('<pane>', 'pane id or unique name')
    .option('--json', 'print rows, cursor and modes as JSON')
    .addOption(new Option('-s, --scrollback <lines>', 'also print up to N lines of history above the screen').argParser(parseCount))
    .action(async (pane: string, options: { json?: boolean; scrollback?: number }) => {
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const result = await connection.request({ kind: 'capture', pane, ...(options.scrollback ? { scrollback: options.scrollback } : {}) });
        if (options.json) ctx.io.stdout(json(result));
        else ctx.io.stdout(`${trimTrailingBlank(result.lines).join('\n')}\n`);
      } finally {
        connection.dispose();
      }
    });
};

function trimTrailingBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  return lines.slice(0, end);
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--scrollback takes a whole number of lines, got "${value}".`, { exitCode: 2 });
  return n;
}
