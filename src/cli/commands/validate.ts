// `dot-agent-deck validate`: checks the project file and explains every problem with its line
// and key. Exit 0 valid (warnings allowed), 1 invalid or missing, 2 usage error.
import { ExitCode, UserError } from '../../common/errors.js';
import { PROJECT_FILE } from '../../config/paths.js';
import type { ProjectConfig } from '../../config/project-schema.js';
import { issueJson, printIssueReport, printIssues } from '../print-issues.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

interface ValidateOptions {
  project: string;
  json?: boolean;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 orchestration (5 roles), 1 mode" */
export function describeProject(config: ProjectConfig): string {
  const parts: string[] = [];
  const roles = config.orchestrations.reduce((sum, o) => sum + o.roles.length, 0);
  if (config.orchestrations.length > 0) parts.push(`${count(config.orchestrations.length, 'orchestration')} (${count(roles, 'role')})`);
  if (config.modes.length > 0) parts.push(count(config.modes.length, 'mode'));
  return parts.length > 0 ? parts.join(', ') : 'no modes or orchestrations yet';
}

export const registerValidate: CommandRegistrar = (program, ctx) => {
  program
    .command('validate')
    .description(`check ${PROJECT_FILE} and explain every problem with its line and key`)
    .option('-p, --project <dir>', 'project directory, or the project file itself', '.')
    .option('--json', 'print {valid, file, errors, warnings} as JSON on stdout')
    .addHelpText('after', '\nExit status: 0 valid (warnings are printed to stderr), 1 invalid or missing, 2 usage error.')
    .action(async (options: ValidateOptions) => {
      const { io } = ctx;
      const target = await resolveProjectTarget(options.project, io.cwd, true);
      // Loaded on use: the zod schemas are work that other commands should not pay at startup.
      const { loadProjectConfig } = await import('../../config/load-project.js');
      // A role's `host` names a remote of config.toml; a config.toml with errors checks none.
      const { loadGlobalConfig } = await import('../../config/global-config.js');
      const global = await loadGlobalConfig(io.env);
      const remotes = global.config ? Object.keys(global.config.remotes) : undefined;
      const loaded = await loadProjectConfig(target.path, { cwd: io.cwd, ...(remotes ? { remotes } : {}) });
      if (!loaded.exists) {
        const where = options.project === '.' ? 'this directory' : options.project;
        const init = options.project === '.' ? 'dot-agent-deck init' : `dot-agent-deck init -p ${options.project}`;
        throw new UserError(`No ${PROJECT_FILE} in ${where}`, { hint: `Create a commented starter file with \`${init}\`` });
      }
      const valid = loaded.config !== undefined;
      if (options.json) {
        const report = { valid, file: loaded.label, errors: loaded.errors.map(issueJson), warnings: loaded.warnings.map(issueJson) };
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      } else if (loaded.config) {
        printIssues(io, loaded.warnings);
        const warned = loaded.warnings.length > 0 ? ` with ${count(loaded.warnings.length, 'warning')}` : '';
        io.stdout(`✓ ${loaded.label} is valid${warned}: ${describeProject(loaded.config)}\n`);
      } else {
        printIssueReport(io, loaded.label, loaded.errors, loaded.warnings);
      }
      if (!valid) ctx.setExit(ExitCode.failure);
    });
};
