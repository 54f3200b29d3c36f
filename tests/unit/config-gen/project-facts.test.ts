import { describe, expect, it } from 'vitest';
import { dirsToList, factsFromSnapshot, filesToRead, packageRunner, type ProjectSnapshot } from '../../../src/config-gen/project-facts.js';

const snapshot = (paths: string[], files: Record<string, string> = {}): ProjectSnapshot => ({ paths, files, agentsOnPath: [], omitted: [] });
const facts = (paths: string[], files: Record<string, string> = {}) => factsFromSnapshot(snapshot(paths, files));

describe('languages', () => {
  it.each([
    [['package.json'], ['JavaScript']],
    [['package.json', 'tsconfig.json'], ['TypeScript']],
    [
      ['Cargo.toml', 'go.mod'],
      ['Rust', 'Go'],
    ],
    [['pyproject.toml'], ['Python']],
    [['App.csproj'], ['C#']],
    [['build.gradle.kts'], ['Java/Kotlin']],
    [['web/package.json'], []],
    [['README.md'], []],
  ])('%j → %j', (paths, languages) => {
    expect(facts(paths).languages).toEqual(languages);
  });
});

describe('where things live', () => {
  it.each([
    [
      'ci',
      ['.github/workflows/ci.yml', '.github/workflows/notes.md', '.gitlab-ci.yml', 'Jenkinsfile', '.buildkite/'],
      ['.github/workflows/ci.yml', '.gitlab-ci.yml', 'Jenkinsfile', '.buildkite/'],
    ],
    [
      'release',
      ['.goreleaser.yaml', 'CHANGELOG.md', '.changeset/', '.github/workflows/release.yml', '.github/workflows/ci.yml'],
      ['.goreleaser.yaml', 'CHANGELOG.md', '.changeset/', '.github/workflows/release.yml'],
    ],
    ['docs', ['docs/', 'specs/', 'PRD.md', 'adr/', 'src/', 'DESIGN.md', 'docs.txt'], ['docs/', 'specs/', 'PRD.md', 'adr/', 'DESIGN.md']],
    ['agentFiles', ['CLAUDE.md', 'AGENTS.md', '.claude/', 'opencode.json', 'claude.txt'], ['CLAUDE.md', 'AGENTS.md', '.claude/', 'opencode.json']],
  ] as const)('%s', (key, paths, expected) => {
    expect(facts([...paths])[key]).toEqual(expected);
  });

  it.each([
    [['.dot-agent-deck.toml'], true],
    [['.dot-agent-deck/'], false],
  ])('%j has a project file: %s', (paths, expected) => {
    expect(facts(paths).hasProjectFile).toBe(expected);
  });
});

describe('packageRunner', () => {
  it.each([
    [['package.json'], 'npm run'],
    [['package-lock.json'], 'npm run'],
    [['pnpm-lock.yaml'], 'pnpm run'],
    [['yarn.lock'], 'yarn run'],
    [['bun.lock'], 'bun run'],
  ])('%j → %s', (paths, runner) => {
    expect(packageRunner(paths)).toBe(runner);
  });
});

describe('what the reader should look at', () => {
  it.each([
    [
      ['scripts/', 'src/', '.github/'],
      ['.github/workflows/', 'scripts/'],
    ],
    [
      ['bin/', 'tools/', 'hack/', '.circleci/'],
      ['.circleci/', 'bin/', 'tools/', 'hack/'],
    ],
    [['src/'], []],
  ])('lists the subdirectories of %j: %j', (topLevel, dirs) => {
    expect(dirsToList(topLevel)).toEqual(dirs);
  });

  it('reads the command files first, then shell scripts at the top or in a scripts directory', () => {
    const paths = ['run.sh', 'scripts/agent.bash', 'src/deep.sh', 'devbox.json', 'Taskfile.yaml', 'Makefile', 'package.json', 'README.md', 'src/'];
    expect(filesToRead(paths)).toEqual(['package.json', 'Makefile', 'Taskfile.yaml', 'devbox.json', 'run.sh', 'scripts/agent.bash']);
  });
});

describe('commands', () => {
  it('come from every file read, with the lock file choosing the runner', () => {
    const result = facts(['yarn.lock', 'package.json', 'Makefile', 'agent.sh'], {
      'package.json': '{"scripts":{"test":"jest"}}',
      Makefile: 'lint:\n\tgolangci-lint run\n',
      'agent.sh': 'opencode\n',
    });
    expect(result.commands.map((command) => [command.source, command.run, command.agents])).toEqual([
      ['package.json', 'yarn run test', []],
      ['Makefile', 'make lint', []],
      ['agent.sh', './agent.sh', ['opencode']],
    ]);
  });

  it('keep what the reader left out and the agents on PATH', () => {
    const result = factsFromSnapshot({ paths: [], files: {}, agentsOnPath: ['codex'], omitted: ['scripts/: only the first 2 entries were looked at'] });
    expect([result.agentsOnPath, result.omitted]).toEqual([['codex'], ['scripts/: only the first 2 entries were looked at']]);
  });
});
