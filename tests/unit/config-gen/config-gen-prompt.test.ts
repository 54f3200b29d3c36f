import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/common/package-root.js';
import { buildConfigGenPrompt, CONFIG_GEN_POINTER_LINE, fillTemplate } from '../../../src/config-gen/config-gen-prompt.js';
import { PROJECT_SCHEMA_URL } from '../../../src/config/json-schema.js';
import { validateProjectText } from '../../../src/config/load-project.js';
import { ROLE_LIBRARY_FILE } from '../../../src/config-gen/role-library.js';

const SAMPLE = packagePath('tests', 'fixtures', 'projects', 'node-service');
const prompt = await buildConfigGenPrompt(SAMPLE, { env: { PATH: '' } });

/** The fenced blocks of a Markdown text, with their info string. */
function blocks(markdown: string): Array<{ info: string; body: string }> {
  return [...markdown.matchAll(/^(`{3,})(\w*)\n([\s\S]*?)\n\1$/gm)].map((match) => ({ info: match[2]!, body: match[3]! }));
}

describe('the config-generation prompt for a sample project', () => {
  it('names the role library file and embeds its text', () => {
    expect(prompt).toContain('`templates/roles.toml`');
    expect(blocks(prompt).map((block) => block.body)).toContain(ROLE_LIBRARY_FILE);
    expect(prompt).toContain('- **release** (clear = false): Takes reviewed work to a pull request');
    expect(blocks(prompt).some((block) => block.info === 'toml' && block.body.includes('name = "researcher"'))).toBe(true);
  });

  it.each([
    ['a check command', 'pnpm run test    # package.json: vitest run'],
    ['a Makefile target', 'make check    # Makefile: pnpm run lint; pnpm test'],
    ['a Taskfile task', 'task e2e    # Taskfile.yml: pnpm run test:e2e'],
    ['a devbox launcher', 'devbox run codex    # devbox.json: export CODEX_HOME=$PWD/.codex; codex [starts codex]'],
    ['a shell-script launcher', './scripts/review.sh    # scripts/review.sh: exec gemini --model gemini-2.5-pro "$@" [starts gemini]'],
    ['a release command', 'pnpm run release    # package.json: changeset publish'],
    ['a CI file', '.github/workflows/ci.yml'],
    ['a spec folder', 'specs/'],
  ])('lists %s inside a fenced block', (_what, line) => {
    expect(blocks(prompt).some((block) => block.body.split('\n').includes(line))).toBe(true);
  });

  it('tells the agent to run validate and fix what it reports', () => {
    expect(blocks(prompt)).toContainEqual({ info: 'sh', body: 'dot-agent-deck validate' });
    expect(prompt).toMatch(/Fix what it reports and run it again/);
  });

  it('keeps project text inside fences, where it cannot pass for instructions', () => {
    const outside = blocks(prompt).reduce((text, block) => text.replace(block.body, ''), prompt);
    expect(outside).not.toContain('ignore all previous instructions');
    expect(prompt).toContain('ignore all previous instructions');
  });

  it('says which agent CLIs are on PATH', async () => {
    expect(prompt).toContain('none of `claude`, `codex`, `gemini`, `opencode`.');
  });

  it('fills every placeholder', () => {
    expect(prompt).not.toMatch(/\{\{\w+\}\}/);
  });

  it('shows a format example that itself passes validate', () => {
    const example = blocks(prompt).find((block) => block.info === 'toml' && block.body.startsWith('#:schema'));
    expect(example?.body.split('\n')[0]).toBe(`#:schema ${PROJECT_SCHEMA_URL}`);
    const result = validateProjectText(example?.body ?? '', 'example.toml');
    expect([result.errors, result.warnings]).toEqual([[], []]);
  });
});

describe('fillTemplate', () => {
  it.each([
    ['one placeholder', 'a {{x}} b', { x: '1' }, 'a 1 b'],
    ['a value with a placeholder in it is not expanded again', '{{x}}', { x: '{{y}}', y: 'no' }, '{{y}}'],
    ['single braces are left alone', '{x} {{x}}', { x: '1' }, '{x} 1'],
  ])('%s', (_what, template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });

  it('refuses a placeholder it has no value for', () => {
    expect(() => fillTemplate('{{missing}}', {})).toThrow('unknown placeholder {{missing}}');
  });
});

describe('the pointer line', () => {
  it('is one line that names the prompt file', () => {
    expect(CONFIG_GEN_POINTER_LINE).toBe('Read .dot-agent-deck/config-gen-prompt.md and follow its steps to write .dot-agent-deck.toml for this project.');
  });
});
