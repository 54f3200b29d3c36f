import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/common/package-root.js';
import { PROJECT_SCHEMA_URL, SCHEMA_TARGETS, jsonSchemaFor, jsonSchemaText } from '../../../src/config/json-schema.js';

describe('JSON Schema', () => {
  it('the committed schema/dot-agent-deck.schema.json is what `schema` prints (regenerate with `dot-agent-deck schema > schema/dot-agent-deck.schema.json`)', () => {
    expect(readFileSync(packagePath('schema', 'dot-agent-deck.schema.json'), 'utf8')).toBe(jsonSchemaText('project'));
  });

  it('is what the init template and the examples point at', () => {
    for (const file of ['templates/init.toml', '.dot-agent-deck.example.toml', 'examples/dev-flow/.dot-agent-deck.toml']) {
      const firstLine = readFileSync(packagePath(file), 'utf8').split('\n')[0];
      expect(firstLine, file).toBe(`#:schema ${PROJECT_SCHEMA_URL}`);
    }
  });

  it('describes every field and forbids unknown keys', () => {
    const schema = jsonSchemaFor('project') as {
      $id: string;
      additionalProperties: boolean;
      properties: Record<
        string,
        {
          description?: string;
          items?: {
            properties: Record<
              string,
              { properties?: unknown; items?: { properties: Record<string, { description?: string }>; additionalProperties: boolean } }
            >;
          };
        }
      >;
    };
    expect(schema.$id).toBe(PROJECT_SCHEMA_URL);
    expect(schema.additionalProperties).toBe(false);
    const role = schema.properties.orchestrations?.items?.properties.roles?.items;
    expect(role?.additionalProperties).toBe(false);
    expect(Object.keys(role?.properties ?? {})).toEqual([
      'name',
      'command',
      'agent',
      'start',
      'description',
      'prompt_template',
      'clear',
      'resume_after_limit',
      'stage',
      'control',
      'host',
    ]);
    for (const [key, field] of Object.entries(role?.properties ?? {})) expect(field.description, key).toMatch(/\w/);
    expect(schema.properties.worker_response_timeout_minutes?.description).toMatch(/top-level/);
  });

  it.each(SCHEMA_TARGETS)('%s schema is JSON Schema 2020-12 with a title', (target) => {
    const schema = jsonSchemaFor(target);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toEqual(expect.any(String));
    expect(JSON.parse(jsonSchemaText(target))).toEqual(schema);
  });
});
