import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/config/config-issue.js';
import { validateProjectText } from '../../../src/config/load-project.js';

const FILE = '.dot-agent-deck.toml';

describe('project warnings', () => {
  it('warns about a worker without a description, and the file stays valid', () => {
    const text = [
      '[[orchestrations]]', //          1
      '[[orchestrations.roles]]', //    2
      'name = "lead"', //               3
      'command = "claude"', //          4
      'start = true', //                5
      '[[orchestrations.roles]]', //    6
      'name = "coder"', //              7
      'command = "claude"', //          8
    ].join('\n');
    const result = validateProjectText(text, FILE);
    expect(result.errors).toEqual([]);
    expect(result.value).toBeDefined();
    expect(result.warnings).toEqual([
      {
        file: FILE,
        line: 6,
        column: 1,
        path: 'orchestrations[0].roles[1]',
        message: 'worker role "coder" has no description, so the orchestrator cannot tell what it is for: add description = "…"',
        severity: 'warning',
      },
    ]);
    expect(formatIssue(result.warnings[0]!)).toBe(
      '.dot-agent-deck.toml:6:1 orchestrations[0].roles[1]: warning: worker role "coder" has no description, so the orchestrator cannot tell what it is for: add description = "…"',
    );
  });

  it('warns about two modes with one name (as the original did)', () => {
    const result = validateProjectText(['[[modes]]', 'name = "dev"', '[[modes]]', 'name = "dev"'].join('\n'), FILE);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { file: FILE, line: 4, column: 1, path: 'modes[1].name', message: 'mode name "dev" is also used by modes[0]', severity: 'warning' },
    ]);
  });

  it('still reports warnings next to errors', () => {
    const text = ['[[orchestrations]]', '[[orchestrations.roles]]', 'name = "coder"', 'command = "claude"'].join('\n');
    const result = validateProjectText(text, FILE);
    expect(result.errors.map((e) => e.message)).toEqual(['has no role with `start = true`: mark the role you talk to (usually the orchestrator)']);
    expect(result.warnings.map((w) => w.path)).toEqual(['orchestrations[0].roles[0]']);
  });

  it.each([
    [
      'an orchestration with its start role alone (the original accepts it)',
      ['[[orchestrations]]', 'name = "solo"', '[[orchestrations.roles]]', 'name = "lead"', 'command = "claude"', 'start = true'],
      [[1, 'orchestrations[0]', 'has only its start role, so it has nobody to delegate to: add a worker role ([[orchestrations.roles]])']],
    ],
    [
      "the original's [[scheduled_tasks]] in the project file",
      ['[[scheduled_tasks]]', 'name = "morning-digest"', 'cron = "0 9 * * MON-FRI"', 'working_dir = "~/scheduled/morning-digest"', 'prompt = "Summarise"'],
      [[1, 'scheduled_tasks', '`scheduled_tasks` is ignored: scheduled tasks live in ~/.config/dot-agent-deck/schedules.toml, not in the project file']],
    ],
  ])('accepts %s with a warning that says why', (_name, rows, expected) => {
    const result = validateProjectText(`${rows.join('\n')}\n`, FILE);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.line, w.path, w.message])).toEqual(expected);
  });
});
