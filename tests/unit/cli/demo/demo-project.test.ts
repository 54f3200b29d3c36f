import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../../../src/common/errors.js';
import { createDemoProject, DEMO_ROLES, demoProjectText, demoRoleCommand, shippedDemoSources } from '../../../../src/cli/demo/demo-project.js';
import { validateProjectText } from '../../../../src/config/load-project.js';
import { parseCommandLine } from '../../../../src/pty/command-line.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('demoRoleCommand', () => {
  it.each([
    ['plain paths', '/usr/bin/node', '/opt/deck/examples/demo/sim-agent.mjs', '/tmp/demo-x/coder.json'],
    ['paths with spaces', '/Applications/My Node/bin/node', '/Users/a b/deck/sim-agent.mjs', '/tmp/my demo/coder.json'],
    ['a path with a single quote', '/usr/bin/node', "/home/o'brien/deck/sim-agent.mjs", '/tmp/demo/coder.json'],
  ])('runs %s directly, word for word', (_name, nodePath, simAgent, script) => {
    const parsed = parseCommandLine(demoRoleCommand({ nodePath, simAgent }, 'coder', script));
    expect(parsed).toEqual({ kind: 'argv', argv: [nodePath, simAgent, '--role', 'coder', '--script', script] });
  });

  it.each([['$HOME'], ['a`b`'], ['x;rm -rf y'], ['#tmp'], ['it\'s "quoted"']])('refuses a path a shell would interpret: %s', (bad) => {
    let error: unknown;
    try {
      demoRoleCommand({ nodePath: '/usr/bin/node', simAgent: `/tmp/${bad}/sim-agent.mjs` }, 'coder', '/tmp/coder.json');
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error), String(error)).toBe(true);
    expect((error as Error).message).toContain('characters a shell would interpret');
  });
});

describe('demoProjectText', () => {
  const example = readFileSync(join(shippedDemoSources().exampleDir, '.dot-agent-deck.toml'), 'utf8');

  it('replaces the command of every role and stays valid', () => {
    const text = demoProjectText(example, (role) => `/bin/node /x/sim-agent.mjs --role ${role} --script /p/${role}.json`);
    const { value, errors } = validateProjectText(text, '.dot-agent-deck.toml');
    expect(errors).toEqual([]);
    const roles = value!.orchestrations[0]!.roles;
    expect(roles.map((role) => [role.name, role.command])).toEqual(
      DEMO_ROLES.map((role) => [role, `/bin/node /x/sim-agent.mjs --role ${role} --script /p/${role}.json`]),
    );
    expect(roles.find((role) => role.name === 'release')!.clear).toBe(false);
  });

  it('refuses an example that lost a role command', () => {
    const broken = example.replace('command = "node sim-agent.mjs --role auditor --script auditor.json"', 'command = "claude"');
    expect(() => demoProjectText(broken, (role) => role)).toThrow(/no sim-agent command for auditor/);
  });
});

describe('createDemoProject', () => {
  it('writes a valid project with one script per role under the given directory', () => {
    const parent = mkdtempSync(join(tmpdir(), 'dad-demo-'));
    dirs.push(parent);
    const dir = createDemoProject(shippedDemoSources(), parent);
    expect(dir.startsWith(parent)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['.dot-agent-deck.toml', 'README.md', ...DEMO_ROLES.map((role) => `${role}.json`)].sort());
    const { value, errors } = validateProjectText(readFileSync(join(dir, '.dot-agent-deck.toml'), 'utf8'), '.dot-agent-deck.toml');
    expect(errors).toEqual([]);
    const coder = value!.orchestrations[0]!.roles.find((role) => role.name === 'coder')!;
    expect(parseCommandLine(coder.command)).toEqual({
      kind: 'argv',
      argv: [process.execPath, shippedDemoSources().simAgent, '--role', 'coder', '--script', join(dir, 'coder.json')],
    });
  });
});
