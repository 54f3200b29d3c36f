// JSON Schemas generated from the zod schemas, for editors (Taplo / Even Better TOML read the
// `#:schema` line that `init` writes) and for `dot-agent-deck schema`. Generated, never edited:
// schema/dot-agent-deck.schema.json is checked against jsonSchemaText('project') by a test.
import { z } from 'zod';
import { GlobalConfig } from './global-config.js';
import { KeybindingsFile } from './keybindings.js';
import { ProjectConfig } from './project-schema.js';
import type { SchemaTarget } from './schema-targets.js';

/** Where the committed project schema is published; `init` puts it on the first line. */
export const PROJECT_SCHEMA_URL = 'https://raw.githubusercontent.com/dot-agent-deck/dot-agent-deck/main/schema/dot-agent-deck.schema.json';

export { SCHEMA_TARGETS, type SchemaTarget } from './schema-targets.js';

const SOURCES: Record<SchemaTarget, { schema: z.ZodType; title: string; id?: string }> = {
  project: { schema: ProjectConfig, title: '.dot-agent-deck.toml', id: PROJECT_SCHEMA_URL },
  config: { schema: GlobalConfig, title: 'dot-agent-deck config.toml' },
  keybindings: { schema: KeybindingsFile, title: 'dot-agent-deck keybindings.toml' },
};

/**
 * The schema of what a person writes (`io: 'input'`), so keys with defaults are optional.
 * Refinements (unique names, one start role) cannot be expressed and are left to `validate`.
 */
export function jsonSchemaFor(target: SchemaTarget): Record<string, unknown> {
  const { schema, title, id } = SOURCES[target];
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, ...(id ? { $id: id } : {}), title, ...rest };
}

/** The exact text of the committed schema file and of `dot-agent-deck schema`. */
export function jsonSchemaText(target: SchemaTarget): string {
  return `${JSON.stringify(jsonSchemaFor(target), null, 2)}\n`;
}
