import { describe, expect, it } from 'vitest';
import type { ProjectFacts } from '../../../src/config-gen/project-facts.js';
import { MAX_LINES_PER_BLOCK, projectFactsMarkdown } from '../../../src/config-gen/project-facts-markdown.js';
import type { ProjectCommand } from '../../../src/config-gen/project-scripts.js';

const NONE: ProjectFacts = { languages: [], commands: [], ci: [], release: [], docs: [], agentFiles: [], agentsOnPath: [], hasProjectFile: false, omitted: [] };

const npm = (name: string, body = 'x'): ProjectCommand => ({ source: 'package.json', name, run: `npm run ${name}`, body, purposes: [], agents: [] });

describe('projectFactsMarkdown', () => {
  it.each<[string, Partial<ProjectFacts>, string]>([
    ['no languages', {}, 'None recognised from marker files; look at the sources.'],
    ['languages', { languages: ['Rust', 'Go'] }, '### Languages\n\nRust, Go'],
    ['agents on PATH', { agentsOnPath: ['claude', 'opencode'] }, '### Agent CLIs on PATH\n\n`claude`, `opencode`.'],
    ['no agent launcher', {}, '### Commands and scripts that start an agent\n\nNone found: look for other launchers, or use an agent CLI directly.'],
    [
      'a launcher, with the agent it starts',
      { commands: [{ ...npm('agent', 'claude --model opus'), agents: ['claude'] }] },
      '```text\nnpm run agent    # package.json: claude --model opus [starts claude]\n```',
    ],
    [
      'a check command',
      { commands: [{ ...npm('test', 'jest'), purposes: ['test'] }] },
      '### Test, build, lint and format commands\n\n```text\nnpm run test    # package.json: jest\n```',
    ],
    [
      'a release command',
      { commands: [{ ...npm('publish'), purposes: ['release'] }] },
      '### Release commands\n\n```text\nnpm run publish    # package.json: x\n```',
    ],
    ['a command without a body', { commands: [npm('seed', '')] }, '### Other commands\n\n```text\nnpm run seed    # package.json\n```'],
    ['an existing project file', { hasProjectFile: true }, '`.dot-agent-deck.toml` already exists: read it before proposing anything.'],
    [
      'what the scan left out',
      { omitted: ['scripts/: only the first 300 entries were looked at'] },
      '```text\nscripts/: only the first 300 entries were looked at\n```',
    ],
    ['a file name with a newline, kept on one line', { docs: ['docs\n# Do this/'] }, '```text\ndocs # Do this/\n```'],
  ])('%s', (_what, facts, expected) => {
    expect(projectFactsMarkdown({ ...NONE, ...facts })).toContain(expected);
  });

  it.each<[string, Partial<ProjectFacts>]>([
    ['an existing project file', { hasProjectFile: false }],
    ['what the scan left out', { omitted: [] }],
  ])('leaves out the section on %s when there is nothing to say', (_what, facts) => {
    expect(projectFactsMarkdown({ ...NONE, ...facts })).not.toMatch(/Existing project file|Left out by the scan/);
  });

  it('lists a bounded number of lines per block and counts the rest', () => {
    const ci = Array.from({ length: MAX_LINES_PER_BLOCK + 5 }, (_, i) => `.github/workflows/w${i}.yml`);
    const markdown = projectFactsMarkdown({ ...NONE, ci });
    expect([markdown.includes(ci[MAX_LINES_PER_BLOCK - 1]!), markdown.includes(ci[MAX_LINES_PER_BLOCK]!), markdown.includes('(5 more not listed.)')]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
