// `dot-agent-deck config get|set|list|path`: the user's settings in config.toml, by dotted key
// (`bell.enabled`). The work is in ../settings.ts, loaded on use so that the zod schemas are
// not compiled at the start of every other command.
import { configFile } from '../../config/paths.js';
import type { CommandRegistrar } from '../program.js';

const loadSettings = () => import('../settings.js');

export const registerConfig: CommandRegistrar = (program, ctx) => {
  const config = program
    .command('config')
    .description('read and change your settings (config.toml)')
    .addHelpText('after', '\nSettings are dotted keys such as `scrollback_lines` or `bell.enabled`; `config list` shows them all.');

  config
    .command('path')
    .description('print where config.toml is (it may not exist yet)')
    .action(() => ctx.io.stdout(`${configFile(ctx.io.env)}\n`));

  config
    .command('list')
    .description('print every setting with its effective value (defaults included)')
    .action(async () => (await loadSettings()).listSettings(ctx));

  config
    .command('get')
    .description('print the effective value of one setting; exits 1 if it is not set')
    .argument('<key>', 'a setting, e.g. `bell.enabled`')
    .action(async (key: string) => (await loadSettings()).getSetting(ctx, key));

  config
    .command('set')
    .description('change one setting; the value is checked before the file is written')
    .argument('<key>', 'a setting, e.g. `scrollback_lines` or `bell.enabled`')
    .argument('<value>', 'true/false, a whole number or text, as the setting requires')
    .action(async (key: string, value: string) => (await loadSettings()).setSetting(ctx, key, value));
};
