import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/common/package-root.js';
import { validateProjectText } from '../../../src/config/load-project.js';

const ROOT = packageRoot();

const exampleFiles = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join('examples', entry.name, '.dot-agent-deck.toml'));

const SHIPPED = [...exampleFiles, '.dot-agent-deck.example.toml', join('templates', 'init.toml')];

describe('shipped project files are valid', () => {
  // arrayContaining: an example added later is checked by the table below without editing this list.
  it('finds the shipped examples', () => {
    expect(exampleFiles).toEqual(
      expect.arrayContaining([
        'examples/claude-dev-flow/.dot-agent-deck.toml',
        'examples/dev-flow/.dot-agent-deck.toml',
        'examples/mixed-dev-flow/.dot-agent-deck.toml',
        'examples/research/.dot-agent-deck.toml',
        'examples/tdd/.dot-agent-deck.toml',
      ]),
    );
  });

  it.each(SHIPPED)('%s', (file) => {
    const result = validateProjectText(readFileSync(join(ROOT, file), 'utf8'), file);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.value).toBeDefined();
  });
});

describe('validated config', () => {
  it('fills in the defaults of the original dot-agent-deck', () => {
    const text = [
      '[[modes]]',
      'name = "dev"',
      '[[modes.panes]]',
      'command = "git status"',
      '[[modes.rules]]',
      'pattern = "(?i)CARGO test"',
      '[[orchestrations]]',
      '[[orchestrations.roles]]',
      'name = "lead"',
      'command = "claude"',
      'start = true',
      '[[orchestrations.roles]]',
      'name = "coder"',
      'command = "codex"',
      'description = "Writes code"',
    ].join('\n');
    const { value, errors } = validateProjectText(text, 'f.toml');
    expect(errors).toEqual([]);
    expect(value).toEqual({
      worker_response_timeout_minutes: 120,
      stall_grace_seconds: 180,
      resume_after_limit: false,
      max_resumes: 3,
      features: { experimental: false },
      modes: [
        {
          name: 'dev',
          reactive_panes: 2,
          panes: [{ command: 'git status', watch: true }],
          rules: [{ pattern: '(?i)CARGO test', watch: false }],
        },
      ],
      orchestrations: [
        {
          default: false,
          enforce_stages: false,
          roles: [
            { name: 'lead', command: 'claude', start: true, clear: true },
            { name: 'coder', command: 'codex', start: false, clear: true, description: 'Writes code' },
          ],
        },
      ],
    });
  });

  it('accepts 0 as "worker timeout disabled" and an empty file', () => {
    expect(validateProjectText('worker_response_timeout_minutes = 0\n', 'f.toml').value?.worker_response_timeout_minutes).toBe(0);
    expect(validateProjectText('', 'f.toml').errors).toEqual([]);
  });
});
