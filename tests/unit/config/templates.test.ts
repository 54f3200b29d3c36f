// init, the examples and the role library must say the same thing about the same role, so a
// fix to a prompt is made once (in templates/roles.toml) and copied, never drifting apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/common/package-root.js';
import { validateProjectText } from '../../../src/config/load-project.js';
import type { Role } from '../../../src/config/project-schema.js';
import { loadRoleLibrary } from '../../../src/config-gen/role-library.js';

const library = await loadRoleLibrary();
const byName = new Map((library.value?.roles ?? []).map((role) => [role.name, role]));

/** `researcher-a` and `researcher-b` are two copies of the library's `researcher`. */
const libraryName = (role: Role) => role.name.replace(/-[a-z]$/, '');

function rolesOf(file: string): Role[] {
  const { value } = validateProjectText(readFileSync(packagePath(file), 'utf8'), file);
  return value?.orchestrations.flatMap((o) => o.roles) ?? [];
}

describe('role library', () => {
  it('is valid and has the documented roles', () => {
    expect(library.errors).toEqual([]);
    expect([...byName.keys()]).toEqual(['orchestrator', 'coder', 'reviewer', 'auditor', 'tester', 'documenter', 'release', 'researcher']);
  });

  it.each(['coder', 'tester'])('tells the %s to run builds and tests through the heavy-work lock', (name) => {
    expect(byName.get(name)?.prompt_template).toContain('`dot-agent-deck lock -- <command>`');
  });

  it('keeps release running between tasks and restarts every other worker', () => {
    expect([...byName.values()].filter((role) => !role.clear).map((role) => role.name)).toEqual(['release']);
  });

  it.each(['templates/init.toml', 'examples/dev-flow/.dot-agent-deck.toml', 'examples/tdd/.dot-agent-deck.toml', 'examples/research/.dot-agent-deck.toml'])(
    '%s copies the library wording for every role it shares with it',
    (file) => {
      const shared = rolesOf(file).filter((role) => byName.has(libraryName(role)));
      expect(shared.length).toBeGreaterThan(0);
      for (const role of shared) {
        // The tdd orchestrator is specialised on purpose; every other shared role is verbatim.
        if (file.includes('tdd') && role.name === 'orchestrator') continue;
        const source = byName.get(libraryName(role))!;
        expect({ description: role.description, prompt_template: role.prompt_template, clear: role.clear, start: role.start }, `${file}: ${role.name}`).toEqual(
          {
            description: source.description,
            prompt_template: source.prompt_template,
            clear: source.clear,
            start: source.start,
          },
        );
      }
    },
  );

  it('init starts five claude roles with release keeping its conversation', () => {
    const roles = rolesOf('templates/init.toml');
    expect(roles.map((role) => [role.name, role.command, role.clear])).toEqual([
      ['orchestrator', 'claude', true],
      ['coder', 'claude', true],
      ['reviewer', 'claude', true],
      ['auditor', 'claude', true],
      ['release', 'claude', false],
    ]);
  });
});
