// `up`: open an orchestration (one pane per role) or, with --mode, a workspace mode (the agent
// pane and its side panes) of the project without the TUI, in a new tab.
import { resolve } from 'node:path';
import { UserError } from '../../common/errors.js';
import { loadGlobalConfig } from '../../config/global-config.js';
import { requireCommand } from '../command-line.js';
import { connectDaemon } from '../daemon-client.js';
import { readTaskFile } from '../pane-caller.js';
import { json } from '../format.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

interface UpOptions {
  project: string;
  orchestration?: string;
  mode?: string;
  command?: string;
  taskFile?: string;
  json?: boolean;
}

export const registerUp: CommandRegistrar = (program, ctx) => {
  program
    .command('up')
    .description('open an orchestration (one pane per role) or a workspace mode (--mode) of .dot-agent-deck.toml, in a new tab')
    .option('-p, --project <dir>', 'project directory', '.')
    .option('--orchestration <name>', 'which orchestration (needed when the file defines several)')
    .option('--mode <name>', 'open this workspace mode ([[modes]]) instead of an orchestration')
    .option('--command <command>', "with --mode: the agent pane's command (default: default_command of config.toml, else your shell)")
    .option('--task-file <file>', 'a task for the orchestrator, copied into its context file')
    .option('--json', 'print the opened panes as JSON')
    .action(async (options: UpOptions) => {
      if (options.mode !== undefined && (options.orchestration !== undefined || options.taskFile !== undefined)) {
        throw new UserError('--mode opens a workspace mode, which has no orchestration and no task file.', {
          hint: 'use either --mode NAME, or --orchestration NAME [--task-file FILE]',
          exitCode: 2,
        });
      }
      if (options.command !== undefined && options.mode === undefined) {
        throw new UserError("--command sets a mode's agent pane; it needs --mode NAME.", {
          hint: 'orchestration roles take their command from the project file',
          exitCode: 2,
        });
      }
      const target = await resolveProjectTarget(options.project, ctx.io.cwd, false);
      const task = options.taskFile === undefined ? undefined : readTaskFile(resolve(ctx.io.cwd, options.taskFile), options.taskFile, 'task');
      const modeCommand = options.mode === undefined ? undefined : (options.command ?? (await defaultCommand(ctx.io.env)));
      const connection = await connectDaemon({ env: ctx.io.env });
      try {
        if (options.mode !== undefined) {
          const result = await connection.request({ kind: 'open-mode', projectDir: target.path, mode: options.mode, command: modeCommand! });
          if (options.json) ctx.io.stdout(json(result));
          else ctx.io.stdout(`Opened mode ${result.mode} as tab ${result.tab}: ${result.panes.map((pane) => `${pane.name} ${pane.id}`).join(', ')}\n`);
          return;
        }
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

/** config.toml's default_command, as the deck's new-pane form prefills it; else the shell. */
async function defaultCommand(env: NodeJS.ProcessEnv): Promise<string> {
  const loaded = await loadGlobalConfig(env).catch(() => null);
  return loaded?.config?.default_command ?? requireCommand([], env);
}
