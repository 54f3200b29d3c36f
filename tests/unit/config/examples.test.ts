// Every example is a project file someone copies as is: it must carry the role library's
// wording, a README, and the agent commands its README promises.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/common/package-root.js';
import { validateProjectText } from '../../../src/config/load-project.js';
import type { Role } from '../../../src/config/project-schema.js';
import { loadRoleLibrary } from '../../../src/config-gen/role-library.js';

const library = await loadRoleLibrary();
const byName = new Map((library.value?.roles ?? []).map((role) => [role.name, role]));

const EXAMPLES = readdirSync(packagePath('examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(packagePath('examples', entry.name, '.dot-agent-deck.toml')))
  .map((entry) => entry.name);

/** Roles an example specialises on purpose instead of copying the library. */
const SPECIALISED = new Set(['tdd/orchestrator']);

/** `researcher-a` and `researcher-b` are two copies of the library's `researcher`. */
const libraryName = (role: Role) => role.name.replace(/-[a-z]$/, '');

function rolesOf(example: string): Role[] {
  const file = join('examples', example, '.dot-agent-deck.toml');
  const { value } = validateProjectText(readFileSync(packagePath(file), 'utf8'), file);
  return value?.orchestrations.flatMap((orchestration) => orchestration.roles) ?? [];
}

describe.each(EXAMPLES)('examples/%s', (example) => {
  it('has a README titled with its name', () => {
    const readme = readFileSync(packagePath('examples', example, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe(`# ${example}`);
  });

  it('copies the library wording for every role it shares with it', () => {
    const roles = rolesOf(example);
    expect(roles.length, 'the example is valid').toBeGreaterThan(0);
    const shared = roles.filter((role) => byName.has(libraryName(role)) && !SPECIALISED.has(`${example}/${role.name}`));
    for (const role of shared) {
      const source = byName.get(libraryName(role))!;
      expect({ description: role.description, prompt_template: role.prompt_template, clear: role.clear, start: role.start }, role.name).toEqual({
        description: source.description,
        prompt_template: source.prompt_template,
        clear: source.clear,
        start: source.start,
      });
    }
  });
});

describe('the team of each example', () => {
  it.each([
    [
      'claude-dev-flow',
      [
        ['orchestrator', 'claude --model opus'],
        ['coder', 'claude --model sonnet'],
        ['reviewer', 'claude --model sonnet'],
        ['auditor', 'claude --model sonnet'],
        ['release', 'claude --model haiku'],
      ],
    ],
    [
      'mixed-dev-flow',
      [
        ['orchestrator', 'claude'],
        ['coder', 'codex'],
        ['reviewer', 'gemini'],
        ['auditor', 'opencode'],
        ['release', 'claude --model haiku'],
      ],
    ],
    [
      'research',
      [
        ['planner', 'claude'],
        ['researcher-a', 'claude'],
        ['researcher-b', 'claude'],
        ['writer', 'claude'],
        ['editor', 'claude'],
      ],
    ],
  ])('%s', (example, team) => {
    expect(rolesOf(example).map((role) => [role.name, role.command])).toEqual(team);
  });
});
