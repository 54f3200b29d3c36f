// The config files that have a JSON Schema. Kept apart from json-schema.ts so the CLI can list
// them without loading (and compiling) every zod schema at startup.
export const SCHEMA_TARGETS = ['project', 'config', 'keybindings'] as const;
export type SchemaTarget = (typeof SCHEMA_TARGETS)[number];
