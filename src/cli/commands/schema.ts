// `dot-agent-deck schema`: prints the JSON Schema of a config file, generated from the zod
// schemas that validate it (so it cannot disagree with `validate`).
import { Argument } from 'commander';
import { SCHEMA_TARGETS, type SchemaTarget } from '../../config/schema-targets.js';
import type { CommandRegistrar } from '../program.js';

export const registerSchema: CommandRegistrar = (program, ctx) => {
  program
    .command('schema')
    .description('print the JSON Schema of .dot-agent-deck.toml (or of config.toml / keybindings.toml)')
    .addArgument(new Argument('[file]', 'which file').choices(SCHEMA_TARGETS).default('project'))
    .action(async (file: SchemaTarget) => {
      // Loaded on use: building the schemas is work every other command would pay at startup.
      const { jsonSchemaText } = await import('../../config/json-schema.js');
      ctx.io.stdout(jsonSchemaText(file));
    });
};
