// The config commands as a user runs them: the built binary (run `npm run build` first) in a
// temporary project directory with its own HOME and XDG dirs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { createDeckEnv, type DeckEnv } from '../helpers/deck-env.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = readFileSync(join(ROOT, 'templates', 'init.toml'), 'utf8');
const PROJECT_FILE = '.dot-agent-deck.toml';

let deck: DeckEnv;
let project: string;

/** Runs in the project directory; config lives under $XDG_CONFIG_HOME, not the harness override. */
function cli(...args: string[]): Promise<CliResult> {
  const env = { ...deck.env };
  delete env.DOT_AGENT_DECK_CONFIG_DIR;
  return runCli(args, { env, cwd: project });
}

function writeProject(text: string): void {
  writeFileSync(join(project, PROJECT_FILE), text);
}

/** What a crash would print; user errors must never show it. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` before the integration tests');
});

beforeEach(() => {
  deck = createDeckEnv();
  project = join(deck.root, 'my-project');
  mkdirSync(project);
});

afterEach(() => deck.cleanup());

describe('init', () => {
  it('writes the starter file, which validates', async () => {
    const init = await cli('init');
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain(`Created ${PROJECT_FILE}`);
    expect(readFileSync(join(project, PROJECT_FILE), 'utf8')).toBe(TEMPLATE);

    const validate = await cli('validate');
    expect(validate).toEqual({ code: 0, stdout: `✓ ${PROJECT_FILE} is valid: 1 orchestration (5 roles), 1 mode\n`, stderr: '' });
  });

  it('never overwrites an existing file', async () => {
    const mine = 'worker_response_timeout_minutes = 5 # mine\n';
    writeProject(mine);
    const init = await cli('init');
    expect(init.code).toBe(1);
    expect(init.stderr).toBe(
      `error: ${PROJECT_FILE} already exists; init never overwrites it\nhint: Check it with \`dot-agent-deck validate\`, or move it away and run init again\n`,
    );
    expect(readFileSync(join(project, PROJECT_FILE), 'utf8')).toBe(mine);
  });

  it('writes into -p DIR and refuses a directory that does not exist', async () => {
    mkdirSync(join(project, 'sub'));
    expect((await cli('init', '-p', 'sub')).code).toBe(0);
    expect(readFileSync(join(project, 'sub', PROJECT_FILE), 'utf8')).toBe(TEMPLATE);
    const missing = await cli('init', '-p', 'nope');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: No such directory: nope');
  });
});

describe('validate', () => {
  const INVALID = [
    '[[orchestrations]]',
    '[[orchestrations.roles]]',
    'name = "lead"',
    'command = "claude"',
    'start = true',
    'clear = "yes"',
    '[[orchestrations.roles]]',
    'name = "coder"',
    'command = " "',
    '',
  ].join('\n');

  it('exits 1 and prints each error on its own line, then a summary', async () => {
    writeProject(INVALID);
    const result = await cli('validate');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        `${PROJECT_FILE}:6:1 orchestrations[0].roles[0].clear: expected a boolean, got "yes"`,
        `${PROJECT_FILE}:9:1 orchestrations[0].roles[1].command: is only whitespace: give the program to run, e.g. "claude"`,
        `${PROJECT_FILE}:7:1 orchestrations[0].roles[1]: warning: worker role "coder" has no description, so the orchestrator cannot tell what it is for: add description = "…"`,
        `2 errors, 1 warning in ${PROJECT_FILE}`,
        '',
      ].join('\n'),
    );
  });

  it('prints {valid, file, errors, warnings} with --json', async () => {
    writeProject(INVALID);
    const result = await cli('validate', '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      valid: false,
      file: PROJECT_FILE,
      errors: [
        { file: PROJECT_FILE, line: 6, column: 1, path: 'orchestrations[0].roles[0].clear', message: 'expected a boolean, got "yes"' },
        {
          file: PROJECT_FILE,
          line: 9,
          column: 1,
          path: 'orchestrations[0].roles[1].command',
          message: 'is only whitespace: give the program to run, e.g. "claude"',
        },
      ],
      warnings: [
        {
          file: PROJECT_FILE,
          line: 7,
          column: 1,
          path: 'orchestrations[0].roles[1]',
          message: 'worker role "coder" has no description, so the orchestrator cannot tell what it is for: add description = "…"',
        },
      ],
    });
  });

  it('exits 0 with warnings on stderr and reports valid JSON', async () => {
    writeProject(INVALID.replace('clear = "yes"', 'clear = true').replace('command = " "', 'command = "codex"'));
    const human = await cli('validate');
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(`✓ ${PROJECT_FILE} is valid with 1 warning: 1 orchestration (2 roles)\n`);
    expect(human.stderr).toMatch(/^\.dot-agent-deck\.toml:7:1 orchestrations\[0\]\.roles\[1\]: warning: /);
    const json = await cli('validate', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, errors: [] });
  });

  it('shows a syntax error with the line and a caret', async () => {
    writeProject('[[modes]]\nname = dev\n');
    const result = await cli('validate');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${PROJECT_FILE}:2:8 TOML syntax error: Unexpected character`);
    expect(result.stderr).toContain('  name = dev\n         ^\n');
  });

  it('validates another directory or the file itself with -p', async () => {
    mkdirSync(join(project, 'other'));
    writeFileSync(join(project, 'other', PROJECT_FILE), 'worker_response_timeout_minutes = 99999\n');
    const dir = await cli('validate', '-p', 'other');
    expect(dir.code).toBe(1);
    expect(dir.stderr).toContain(`other/${PROJECT_FILE}:1:1 worker_response_timeout_minutes: 99999 is too large`);
    expect((await cli('validate', '--project', `other/${PROJECT_FILE}`)).code).toBe(1);
  });

  it('explains a missing project file (exit 1) and a missing directory (exit 2)', async () => {
    expect(await cli('validate')).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: No ${PROJECT_FILE} in this directory\nhint: Create a commented starter file with \`dot-agent-deck init\`\n`,
    });
    const missing = await cli('validate', '-p', 'nowhere');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: No such directory: nowhere\nhint: Pass an existing project directory with -p, --project DIR\n');
    expect((await cli('validate', '--no-such-option')).code).toBe(2);
  });

  it('never prints a stack trace for bad input', async () => {
    for (const text of ['\u0000\u0001\u0002garbage', '[[orchestrations]]\nroles = 5\n', 'x = [1, "a"]\n[[modes]]\n[[modes]]\nname = {}\n']) {
      writeProject(text);
      const result = await cli('validate');
      expect(result.code, text).toBe(1);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stderr).not.toContain('bug in dot-agent-deck');
    }
  });
});

describe('schema', () => {
  it('prints the committed JSON Schema', async () => {
    const result = await cli('schema');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'schema', 'dot-agent-deck.schema.json'), 'utf8'));
    expect(JSON.parse(result.stdout).title).toBe(PROJECT_FILE);
  });

  it('prints the config and keybindings schemas, and refuses other names', async () => {
    expect(JSON.parse((await cli('schema', 'config')).stdout).properties).toHaveProperty('scrollback_lines');
    expect(JSON.parse((await cli('schema', 'keybindings')).stdout).properties).toHaveProperty('bindings');
    expect((await cli('schema', 'nope')).code).toBe(2);
  });
});

describe('config', () => {
  const configPath = () => join(deck.root, 'xdg-config', 'dot-agent-deck', 'config.toml');

  it('lives under $XDG_CONFIG_HOME', async () => {
    expect(await cli('config', 'path')).toEqual({ code: 0, stdout: `${configPath()}\n`, stderr: '' });
  });

  it('sets and gets values, creating the file', async () => {
    expect(await cli('config', 'get', 'bell.enabled')).toMatchObject({ code: 0, stdout: 'true\n' });
    expect(await cli('config', 'set', 'bell.enabled', 'false')).toMatchObject({ code: 0, stdout: 'bell.enabled = false\n' });
    expect(await cli('config', 'set', 'default_command', 'claude --model opus')).toMatchObject({ code: 0 });
    expect(await cli('config', 'get', 'bell.enabled')).toMatchObject({ code: 0, stdout: 'false\n' });
    expect(await cli('config', 'get', 'default_command')).toMatchObject({ code: 0, stdout: 'claude --model opus\n' });
    expect(readFileSync(configPath(), 'utf8')).toBe('default_command = "claude --model opus"\n\n[bell]\nenabled = false\n');
    expect((await cli('config', 'list')).stdout).toContain('bell.enabled = false\nbell.needs_input = true\n');
  });

  it('keeps comments and other keys when it edits a line', async () => {
    mkdirSync(join(deck.root, 'xdg-config', 'dot-agent-deck'), { recursive: true });
    writeFileSync(configPath(), '# my settings\nscrollback_lines = 300 # short\n\n[bell]\n# ring?\nenabled = true\n');
    expect((await cli('config', 'set', 'scrollback_lines', '2000')).code).toBe(0);
    expect(readFileSync(configPath(), 'utf8')).toBe('# my settings\nscrollback_lines = 2000 # short\n\n[bell]\n# ring?\nenabled = true\n');
  });

  it.each<[string[], string]>([
    [['bell.enabled', 'maybe'], 'error: bell.enabled is true or false, not "maybe"\n'],
    [['scrollback_lines', '5'], 'error: scrollback_lines: 5 is too small: must be at least 100\n'],
    [['scrolback_lines', '500'], 'error: Unknown setting "scrolback_lines": did you mean scrollback_lines?\n'],
  ])('refuses %j and leaves the file byte-identical', async (args, message) => {
    mkdirSync(join(deck.root, 'xdg-config', 'dot-agent-deck'), { recursive: true });
    const before = '# keep me\nscrollback_lines = 300\n';
    writeFileSync(configPath(), before);
    const result = await cli('config', 'set', ...args);
    expect(result.code).toBe(1);
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(readFileSync(configPath(), 'utf8')).toBe(before);
  });

  it('refuses to edit a file that is not valid TOML', async () => {
    mkdirSync(join(deck.root, 'xdg-config', 'dot-agent-deck'), { recursive: true });
    writeFileSync(configPath(), 'scrollback_lines = = 3\n');
    const result = await cli('config', 'set', 'bell.enabled', 'false');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('config.toml:1:21 TOML syntax error');
    expect(result.stderr).toContain('is not valid TOML, so it was left unchanged');
    expect(readFileSync(configPath(), 'utf8')).toBe('scrollback_lines = = 3\n');
  });

  it('fails `get` for a setting that is not set, like git config', async () => {
    expect(await cli('config', 'get', 'notifications.notify_command')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'notifications.notify_command is not set\n',
    });
  });
});

describe('--help', () => {
  it.each([['init'], ['validate'], ['schema'], ['config'], ['config', 'set'], ['config', 'get']])('%s --help', async (...command) => {
    const result = await cli(...command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: dot-agent-deck /);
  });
});
