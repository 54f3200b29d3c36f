import { describe, expect, it } from 'vitest';
import {
  devboxCommands,
  makefileCommands,
  oneLine,
  packageJsonCommands,
  purposesOf,
  shellScriptCommand,
  taskfileCommands,
  type ProjectCommand,
} from '../../../src/config-gen/project-scripts.js';

/** The fields a table row cares about. */
const brief = (commands: ProjectCommand[]) => commands.map(({ run, body, agents }) => [run, body, agents]);

describe('purposesOf', () => {
  it.each([
    ['test', ['test']],
    ['test:unit', ['test']],
    ['build', ['build']],
    ['lint-fix', ['lint']],
    ['fmt', ['format']],
    ['typecheck', ['typecheck']],
    ['release', ['release']],
    ['dev', ['dev']],
    ['ci', ['test']],
    ['build-and-test', ['test', 'build']],
    ['db:seed', []],
    ['contest', []],
  ])('%s → %j', (name, purposes) => {
    expect(purposesOf(name)).toEqual(purposes);
  });
});

describe('oneLine', () => {
  it.each([
    ['a\nb\tc', 'a b c'],
    ['\u001b[31mred\u001b[0m', '[31mred [0m'],
    ['  spaced   out  ', 'spaced out'],
    ['x'.repeat(200), `${'x'.repeat(159)}…`],
  ])('%j → %j', (text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });
});

describe('packageJsonCommands', () => {
  it.each([
    [
      'scripts in order',
      '{"scripts":{"test":"vitest run","agent":"claude"}}',
      'npm run',
      [
        ['npm run test', 'vitest run', []],
        ['npm run agent', 'claude', ['claude']],
      ],
    ],
    ['the runner of the lock file', '{"scripts":{"build":"tsc"}}', 'pnpm run', [['pnpm run build', 'tsc', []]]],
    ['non-string scripts skipped', '{"scripts":{"a":1,"b":"echo b"}}', 'npm run', [['npm run b', 'echo b', []]]],
    ['no scripts', '{"name":"x"}', 'npm run', []],
    ['scripts not an object', '{"scripts":"nope"}', 'npm run', []],
    ['not JSON', '{"scripts":', 'npm run', []],
    ['a name too long to be typed', `{"scripts":{"${'n'.repeat(81)}":"x"}}`, 'npm run', []],
  ])('%s', (_what, text, runner, expected) => {
    expect(brief(packageJsonCommands(text, runner))).toEqual(expected);
  });

  it('records the source and the purposes', () => {
    expect(packageJsonCommands('{"scripts":{"test:e2e":"playwright test"}}')).toEqual([
      { source: 'package.json', name: 'test:e2e', run: 'npm run test:e2e', body: 'playwright test', purposes: ['test'], agents: [] },
    ]);
  });
});

describe('devboxCommands', () => {
  it.each([
    [
      'string and list scripts',
      '{"shell":{"scripts":{"claude":"claude --model opus","setup":["a","b"]}}}',
      [
        ['devbox run claude', 'claude --model opus', ['claude']],
        ['devbox run setup', 'a; b', []],
      ],
    ],
    ['no shell', '{"packages":["go"]}', []],
    ['empty list', '{"shell":{"scripts":{"x":[]}}}', []],
    ['not JSON', 'nope', []],
  ])('%s', (_what, text, expected) => {
    expect(brief(devboxCommands(text))).toEqual(expected);
  });
});

describe('makefileCommands', () => {
  it.each([
    ['a target and its recipe', 'test:\n\tgo test ./...\n\tgo vet ./...\n', [['make test', 'go test ./...; go vet ./...', []]]],
    [
      'several targets on one line',
      'a b: deps\n\techo hi\n',
      [
        ['make a', 'echo hi', []],
        ['make b', 'echo hi', []],
      ],
    ],
    ['a target that starts an agent', 'agent:\n\tdevbox run claude\n', [['make agent', 'devbox run claude', ['claude']]]],
    ['no recipe', 'all: build\n', [['make all', '', []]]],
    ['variables, patterns and specials are not targets', 'X := 1\nY ?= 2\n%.o: %.c\n\tcc\n.PHONY: all\n$(BIN): x\n', []],
    ['CRLF line ends', 'lint:\r\n\tgolangci-lint run\r\n', [['make lint', 'golangci-lint run', []]]],
  ])('%s', (_what, text, expected) => {
    expect(brief(makefileCommands(text))).toEqual(expected);
  });
});

describe('taskfileCommands', () => {
  const taskfile = [
    "version: '3'",
    '',
    'vars:',
    '  NAME: x',
    '',
    'tasks:',
    '  build:',
    '    desc: Build it',
    '    cmds:',
    '      - go build ./...',
    '  # a comment between tasks',
    '  "test:unit":',
    '    cmds:',
    '      - cmd: "go test ./..."',
    '  agent:',
    '    cmds:',
    '      - codex',
    'includes:',
    '  other: ./other.yml',
  ].join('\n');

  it.each([
    [
      'tasks with list commands, quoted names and cmd: items',
      taskfile,
      [
        ['task build', 'go build ./...', []],
        ['task test:unit', 'go test ./...', []],
        ['task agent', 'codex', ['codex']],
      ],
    ],
    ['no tasks key', "version: '3'\n", []],
    ['an empty tasks key', 'tasks:\n', []],
  ])('%s', (_what, text, expected) => {
    expect(brief(taskfileCommands(text))).toEqual(expected);
  });
});

describe('shellScriptCommand', () => {
  it.each([
    ['shows the lines that start an agent', '#!/bin/sh\nset -eu\nexport X=1\nexec gemini "$@"\n', ['./scripts/a.sh', 'exec gemini "$@"', ['gemini']]],
    ['shows its first lines otherwise', '#!/bin/sh\n# seed\nnode seed.js\n', ['./scripts/a.sh', 'node seed.js', []]],
    ['an empty script', '#!/bin/sh\n', ['./scripts/a.sh', '', []]],
  ])('%s', (_what, text, expected) => {
    const command = shellScriptCommand('scripts/a.sh', text);
    expect(command && [command.run, command.body, command.agents]).toEqual(expected);
  });
});
