// `dot-agent-deck init`: writes the commented starter project file. Never overwrites: an
// existing file is left byte-for-byte untouched and the command fails.
// eslint-disable-next-line no-restricted-syntax -- the project dir, not the deck's; 'wx' never follows or replaces a symlink
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { UserError, errorMessage } from '../../common/errors.js';
import { packagePath } from '../../common/package-root.js';
import { PROJECT_FILE } from '../../config/paths.js';
import type { CommandRegistrar } from '../program.js';
import { resolveProjectTarget } from '../project-dir.js';

export const INIT_TEMPLATE = packagePath('templates', 'init.toml');

export const registerInit: CommandRegistrar = (program, ctx) => {
  program
    .command('init')
    .description(`write a commented starter ${PROJECT_FILE} (a mode and a five-role orchestration)`)
    .option('-p, --project <dir>', 'project directory', '.')
    .addHelpText('after', `\nAn existing ${PROJECT_FILE} is never overwritten.`)
    .action(async (options: { project: string }) => {
      const { io } = ctx;
      const target = await resolveProjectTarget(options.project, io.cwd, false);
      const file = join(target.path, PROJECT_FILE);
      const label = relative(io.cwd, file) || file;
      const template = await readFile(INIT_TEMPLATE, 'utf8');
      try {
        // 'wx' fails if the file exists, with no window between checking and writing.
        await writeFile(file, template, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new UserError(`${label} already exists; init never overwrites it`, {
            hint: 'Check it with `dot-agent-deck validate`, or move it away and run init again',
          });
        }
        throw new UserError(`Cannot write ${label}: ${errorMessage(error)}`, { cause: error });
      }
      io.stdout(`Created ${label}\nNext: edit the roles' commands if you do not use claude, run \`dot-agent-deck validate\`, then \`dot-agent-deck\`.\n`);
    });
};
