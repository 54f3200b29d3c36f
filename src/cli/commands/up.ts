// `up`: open an orchestration of the project without the TUI: one pane per role in a new tab.
import { resolve } from 'node:path';
import { connectDaemon } from '../daemon-client.js';
import { readTaskFile } from '../pane-caller.js';
import { json } from '../format.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

export const registerUp: CommandRegistrar = (program, ctx) => {
  program
    .command('up')
    .description('open an orchestration: one pane per role of .dot-agent-deck.toml, in a new tab')
    .option('-p, --project <dir>', 'project directory', '.')
    .option('--orchestration <name>', 'which orchestration (needed when the file defines several)')
    .option('--task-file <file>', 'a task for the orchestrator, copied into its context file')
    .option('--json', 'print the opened panes as JSON')
    .action(async (options: { project: string; orchestration?: string; taskFile?: string; json?: boolean }) => {
      const target = await resolveProjectTarget(options.project, ctx.io.cwd, false);
      const task = options.taskFile === undefined ? undefined : readTaskFile(resolve(ctx.io.cwd, options.taskFile), options.taskFile, 'task');
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        const result = await connection.request({
          kind: 'up',
          projectDir: target.path,
          ...(options.orchestration ? { orchestration: options.orchestration } : {}),
          ...(task !== undefined ? { task } : {}),
        });
        if (options.json) ctx.io.stdout(json(result));
        else {
          ctx.io.stdout(`Opened ${result.orchestration} as tab ${result.group}: ${result.panes.map((pane) => `${pane.role} ${pane.id}`).join(', ')}\n`);
        }
      } finally {
        connection.dispose();
      }
    });
};
