import { describe, expect, it } from 'vitest';
import { formatIssue, type ConfigIssue } from '../../../src/config/config-issue.js';
import { validateProjectText } from '../../../src/config/load-project.js';

const FILE = '.dot-agent-deck.toml';
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

/** A valid two-role orchestration (lines 1–10); cases append to it or swap lines in it. */
const TEAM = [
  '[[orchestrations]]', //                1
  'name = "team"', //                     2
  '[[orchestrations.roles]]', //          3
  'name = "orchestrator"', //             4
  'command = "claude"', //                5
  'start = true', //                      6
  '[[orchestrations.roles]]', //          7
  'name = "coder"', //                    8
  'command = "claude"', //                9
  'description = "Writes code"', //      10
];
const team = (replace: Record<number, string> = {}, ...more: string[]) => lines(...TEAM.map((row, i) => replace[i + 1] ?? row), ...more);

type Expected = Pick<ConfigIssue, 'line' | 'column' | 'path' | 'message'>;

const CASES: [string, string, Expected][] = [
  [
    'two default orchestrations',
    lines(...team({ 2: 'name = "one"\ndefault = true' }).split('\n'), ...team({ 2: 'name = "two"\ndefault = true' }).split('\n')),
    {
      line: 15,
      column: 1,
      path: 'orchestrations[1].default',
      message: 'only one orchestration may have `default = true`, and orchestrations[0] already has it',
    },
  ],
  [
    'two start roles',
    team({}, 'start = true'),
    {
      line: 11,
      column: 1,
      path: 'orchestrations[0].roles[1].start',
      message: 'only one role may have `start = true`, and "orchestrator" (roles[0]) already has it',
    },
  ],
  [
    'no start role',
    team({ 6: 'start = false' }),
    { line: 1, column: 1, path: 'orchestrations[0]', message: 'has no role with `start = true`: mark the role you talk to (usually the orchestrator)' },
  ],
  [
    'no roles at all',
    lines('[[orchestrations]]', 'name = "empty"'),
    {
      line: 1,
      column: 1,
      path: 'orchestrations[0]',
      message: 'has no roles: add a start role you talk to and a worker it delegates to ([[orchestrations.roles]])',
    },
  ],
  [
    'duplicate role name',
    team({ 8: 'name = "orchestrator"' }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message: 'duplicate role name "orchestrator" (also roles[0]): role names must be unique within an orchestration',
    },
  ],
  [
    'role name that leaves the directory',
    team({ 8: 'name = "../x"' }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message: '"../x" starts with "."; names become file names, so start with a letter or digit, e.g. "x"',
    },
  ],
  [
    'role name with a backslash',
    team({ 8: "name = 'a\\b'" }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message:
        '"a\\\\b" contains "\\\\"; names are used in file names and in lines typed into agents\' shells, so use only letters, digits, "-", "_" and ".": try "a-b"',
    },
  ],
  [
    'role name with a control character',
    team({ 8: 'name = "bell\\u0007"' }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message: '"bell\\u0007" contains a control character (U+0007): use letters, digits, "-", "_" or ".", e.g. "bell"',
    },
  ],
  ['empty role name', team({ 8: 'name = ""' }), { line: 8, column: 1, path: 'orchestrations[0].roles[1].name', message: 'must not be empty' }],
  [
    'role name with a trailing space',
    team({ 8: 'name = "coder "' }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message:
        '"coder " contains a space; names are used in file names and in lines typed into agents\' shells, so use only letters, digits, "-", "_" and ".": try "coder"',
    },
  ],
  [
    'role name that a shell would run',
    team({ 8: 'name = "w$(touch pwned)"' }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message:
        '"w$(touch pwned)" contains "$", "(", a space, ")"; names are used in file names and in lines typed into agents\' shells, so use only letters, digits, "-", "_" and ".": try "w-touch-pwned"',
    },
  ],
  [
    'role name with a semicolon',
    team({ 8: 'name = "a;b"' }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message:
        '"a;b" contains ";"; names are used in file names and in lines typed into agents\' shells, so use only letters, digits, "-", "_" and ".": try "a-b"',
    },
  ],
  [
    'role name with a backtick',
    team({ 8: 'name = "x`id`"' }),
    {
      line: 8,
      column: 1,
      path: 'orchestrations[0].roles[1].name',
      message:
        '"x`id`" contains "`"; names are used in file names and in lines typed into agents\' shells, so use only letters, digits, "-", "_" and ".": try "x-id"',
    },
  ],
  [
    'role name that is too long',
    team({ 8: `name = "${'r'.repeat(65)}"` }),
    { line: 8, column: 1, path: 'orchestrations[0].roles[1].name', message: `is 65 characters long; names are at most 64: try "${'r'.repeat(64)}"` },
  ],
  [
    'empty command',
    team({ 9: 'command = ""' }),
    { line: 9, column: 1, path: 'orchestrations[0].roles[1].command', message: 'must not be empty: give the program to run, e.g. "claude"' },
  ],
  [
    'whitespace command',
    team({ 9: 'command = " \\t "' }),
    { line: 9, column: 1, path: 'orchestrations[0].roles[1].command', message: 'is only whitespace: give the program to run, e.g. "claude"' },
  ],
  [
    'missing command points at the table header',
    team({ 9: '# no command' }),
    { line: 7, column: 1, path: 'orchestrations[0].roles[1].command', message: 'required key `command` is missing in this table' },
  ],
  [
    'string for a boolean',
    team({}, 'clear = "yes"'),
    { line: 11, column: 1, path: 'orchestrations[0].roles[1].clear', message: 'expected a boolean, got "yes"' },
  ],
  [
    'unknown key with a suggestion',
    team({}, 'claer = false'),
    { line: 11, column: 1, path: 'orchestrations[0].roles[1].claer', message: 'unknown key `claer`: did you mean `clear`?' },
  ],
  [
    'unknown key without a close match',
    team({}, 'model = "opus"'),
    {
      line: 11,
      column: 1,
      path: 'orchestrations[0].roles[1].model',
      message:
        'unknown key `model` (valid keys here: name, command, agent, start, description, prompt_template, clear, resume_after_limit, stage, control, host)',
    },
  ],
  [
    'top-level key written after a header',
    team({}, 'worker_response_timeout_minutes = 30'),
    {
      line: 11,
      column: 1,
      path: 'orchestrations[0].roles[1].worker_response_timeout_minutes',
      message:
        '`worker_response_timeout_minutes` is a top-level setting: move it above the first table header ([[orchestrations]] on line 1); written here, TOML reads it as a key of the [[orchestrations.roles]] table above it',
    },
  ],
  [
    'top-level key written under [features]',
    lines('[features]', 'experimental = true', '  worker_response_timeout_minutes = 30'),
    {
      line: 3,
      column: 3,
      path: 'features.worker_response_timeout_minutes',
      message:
        '`worker_response_timeout_minutes` is a top-level setting: move it above the first table header ([features] on line 1); written here, TOML reads it as a key of the [features] table above it',
    },
  ],
  [
    'string for an integer',
    lines('worker_response_timeout_minutes = "60"'),
    { line: 1, column: 1, path: 'worker_response_timeout_minutes', message: 'expected an integer, got "60"' },
  ],
  [
    'timeout above seven days',
    lines('worker_response_timeout_minutes = 20000'),
    {
      line: 1,
      column: 1,
      path: 'worker_response_timeout_minutes',
      message: '20000 is too large: must be at most 10080 minutes (7 days); use 0 to turn the check off',
    },
  ],
  [
    'negative timeout',
    lines('worker_response_timeout_minutes = -1'),
    { line: 1, column: 1, path: 'worker_response_timeout_minutes', message: '-1 is too small: must be 0 (disabled) or between 1 and 10080 minutes' },
  ],
  [
    'integer too large for JavaScript',
    lines('worker_response_timeout_minutes = 9007199254740993'),
    { line: 1, column: 1, path: 'worker_response_timeout_minutes', message: '9007199254740993 is too large' },
  ],
  [
    'float for an integer',
    lines('[[modes]]', 'name = "dev"', 'reactive_panes = 1.5'),
    { line: 3, column: 1, path: 'modes[0].reactive_panes', message: 'expected an integer, got 1.5' },
  ],
  [
    'missing name in a mode',
    lines('[[modes]]', 'init_command = "devbox shell"'),
    { line: 1, column: 1, path: 'modes[0].name', message: 'required key `name` is missing in this table' },
  ],
  [
    'invalid regular expression',
    lines('[[modes]]', 'name = "dev"', '[[modes.rules]]', 'pattern = "cargo (build"'),
    { line: 4, column: 1, path: 'modes[0].rules[0].pattern', message: 'is not a valid regular expression: Unterminated group' },
  ],
  [
    'empty pattern',
    lines('[[modes]]', 'name = "dev"', '[[modes.rules]]', 'pattern = ""'),
    { line: 4, column: 1, path: 'modes[0].rules[0].pattern', message: 'must not be empty: an empty pattern matches every command' },
  ],
  [
    'interval without watch',
    lines('[[modes]]', 'name = "dev"', '[[modes.rules]]', 'pattern = "kubectl get"', 'interval = 5'),
    { line: 5, column: 1, path: 'modes[0].rules[0].interval', message: 'only applies to watched rules: add `watch = true` to this rule, or remove `interval`' },
  ],
  [
    'zero interval',
    lines('[[modes]]', 'name = "dev"', '[[modes.rules]]', 'pattern = "kubectl get"', 'watch = true', 'interval = 0'),
    { line: 6, column: 1, path: 'modes[0].rules[0].interval', message: '0 is too small: must be at least 1 (seconds)' },
  ],
  [
    'rules with no reactive pane',
    lines('[[modes]]', 'name = "dev"', 'reactive_panes = 0', '[[modes.rules]]', 'pattern = "make"'),
    {
      line: 3,
      column: 1,
      path: 'modes[0].reactive_panes',
      message: 'is 0, but this mode has rules and rules open their commands in reactive panes: set it to 1 or more, or remove the rules',
    },
  ],
  [
    'duplicate orchestration names',
    team({}, '[[orchestrations]]', 'name = "team"', 'roles = [{ name = "a", command = "x", start = true }, { name = "b", command = "y", description = "d" }]'),
    { line: 12, column: 1, path: 'orchestrations[1].name', message: '"team" is already used by orchestrations[0]: give each orchestration a unique name' },
  ],
  [
    'two unnamed orchestrations',
    team({ 2: '# unnamed' }, '[[orchestrations]]', 'roles = [{ name = "a", command = "x", start = true }, { name = "b", command = "y", description = "d" }]'),
    {
      line: 11,
      column: 1,
      path: 'orchestrations[1]',
      message:
        'has no name, so it is named after the project directory ("my-project"), which is already used by orchestrations[0]: give each orchestration a unique name',
    },
  ],
  [
    'wrong type inside an inline table',
    lines('[[orchestrations]]', 'roles = [{ name = "a", command = "x", start = "yes" }, { name = "b", command = "y", description = "d" }]'),
    { line: 2, column: 39, path: 'orchestrations[0].roles[0].start', message: 'expected a boolean, got "yes"' },
  ],
  [
    '[modes] written as a single table',
    lines('[modes]', 'name = "dev"'),
    { line: 1, column: 1, path: 'modes', message: 'expected an array, got a table (write [[modes]] with double brackets to start each entry of a list)' },
  ],
  [
    '[[features]] written as a list',
    lines('[[features]]', 'experimental = true'),
    { line: 1, column: 1, path: 'features', message: 'expected a table, got an array (write [features] with single brackets: it is one table, not a list)' },
  ],
  [
    'misspelt table name',
    lines('[[orchestration]]', 'name = "x"'),
    { line: 1, column: 1, path: 'orchestration', message: 'unknown key `orchestration`: did you mean `orchestrations`?' },
  ],
];

describe('validateProjectText rejects', () => {
  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('%s', (_name, text, expected) => {
    const result = validateProjectText(text, FILE, { projectName: 'my-project' });
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual([{ file: FILE, severity: 'error', ...expected }]);
  });
});

describe('a role host', () => {
  const remotes = ['gpu-box', 'laptop'];
  it.each<[string, string, readonly string[] | undefined, Expected | null]>([
    ['a remote of config.toml', team({}, 'host = "gpu-box"'), remotes, null],
    ['not checked without config.toml', team({}, 'host = "anything"'), undefined, null],
    [
      'a typo of a remote',
      team({}, 'host = "gpu-bx"'),
      remotes,
      {
        line: 11,
        column: 1,
        path: 'orchestrations[0].roles[1].host',
        message:
          'host "gpu-bx" is not a remote of config.toml: did you mean gpu-box? (remotes: gpu-box, laptop; add one with `dot-agent-deck remote add gpu-bx [user@]host`)',
      },
    ],
    [
      'on the start role',
      team({ 6: 'start = true\nhost = "gpu-box"' }),
      remotes,
      {
        line: 7,
        column: 1,
        path: 'orchestrations[0].roles[0].host',
        message: 'the start role (the orchestrator) runs where the deck runs; only a worker role may set host',
      },
    ],
  ])('%s', (_name, text, known, expected) => {
    const result = validateProjectText(text, FILE, known ? { remotes: known } : {});
    if (expected === null) expect(result.errors).toEqual([]);
    else expect(result.errors).toEqual([expect.objectContaining(expected)]);
  });
});

describe('TOML syntax errors', () => {
  it.each<[string, string, Expected, string]>([
    [
      'unterminated string',
      lines('[[modes]]', 'name = "dev'),
      { line: 2, column: 12, path: '', message: 'TOML syntax error: Unterminated string' },
      '  name = "dev\n             ^',
    ],
    [
      'unquoted text value',
      lines('[[modes]]', 'name = dev'),
      {
        line: 2,
        column: 8,
        path: '',
        message:
          'TOML syntax error: Unexpected character, expecting string, number, datetime, boolean, inline array or inline table (text values need quotes, e.g. name = "coder")',
      },
      '  name = dev\n         ^',
    ],
    [
      'a table defined twice (caret keeps the tab)',
      lines('[features]', '[features]', '\tx = 1'),
      {
        line: 2,
        column: 10,
        path: '',
        message: "TOML syntax error: Can't redefine existing key (it is already defined above; a repeated table needs [[double brackets]])",
      },
      '  [features]\n           ^',
    ],
  ])('%s', (_name, text, expected, snippet) => {
    const result = validateProjectText(text, FILE);
    expect(result.errors).toEqual([{ file: FILE, severity: 'error', snippet, ...expected }]);
  });

  it('prints the location, the message and a caret under the column', () => {
    const [issue] = validateProjectText(lines('[[modes]]', 'name = "dev'), FILE).errors;
    expect(formatIssue(issue!)).toBe('.dot-agent-deck.toml:2:12 TOML syntax error: Unterminated string\n  name = "dev\n             ^');
  });
});

describe('error output', () => {
  it('formats an issue as file:line:column path: message', () => {
    const [issue] = validateProjectText(team({}, 'clear = "yes"'), FILE).errors;
    expect(formatIssue(issue!)).toBe('.dot-agent-deck.toml:11:1 orchestrations[0].roles[1].clear: expected a boolean, got "yes"');
  });

  it('reports every problem of a file in one pass, in file order', () => {
    const text = team({ 2: 'name = 7', 8: 'name = "../x"' }, 'clear = "no"', 'start = true');
    const result = validateProjectText(text, FILE);
    expect(result.errors.map((e) => `${e.line}:${e.path}`)).toEqual([
      '2:orchestrations[0].name',
      '8:orchestrations[0].roles[1].name',
      '11:orchestrations[0].roles[1].clear',
      '12:orchestrations[0].roles[1].start',
    ]);
  });
});
