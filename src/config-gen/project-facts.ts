// What a quick look at a project directory tells the config generator: languages, commands,
// CI, release files, spec folders, agent launchers. Pure: it works on a bounded snapshot that
// project-discovery.ts reads, and decides which few files that snapshot should contain.
import type { AgentCli } from './agent-clis.js';
import { PROJECT_FILE } from '../config/paths.js';
import { devboxCommands, makefileCommands, packageJsonCommands, shellScriptCommand, taskfileCommands, type ProjectCommand } from './project-scripts.js';

/** Relative paths use `/`; a directory ends with `/` (`docs/`, `.github/workflows/`). */
export interface ProjectSnapshot {
  /** Top-level entries plus the entries of the directories named by `dirsToList`. */
  paths: readonly string[];
  /** The text of the files named by `filesToRead`, possibly cut short. */
  files: Readonly<Record<string, string>>;
  agentsOnPath: readonly AgentCli[];
  /** What the reader left out because of a bound, said in a few words. */
  omitted: readonly string[];
}

export interface ProjectFacts {
  languages: string[];
  commands: ProjectCommand[];
  ci: string[];
  release: string[];
  /** Spec, PRD, design and docs folders or files. */
  docs: string[];
  /** Instructions already written for agents (CLAUDE.md, AGENTS.md, …). */
  agentFiles: string[];
  agentsOnPath: AgentCli[];
  hasProjectFile: boolean;
  omitted: string[];
}

/** Sub-directories worth listing: where CI lives and where launch scripts usually are. */
const LISTED_DIRS = ['.github/workflows/', '.circleci/', 'scripts/', 'bin/', 'tools/', 'hack/'];

const LANGUAGE_MARKERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['TypeScript', /^(tsconfig\.json|deno\.jsonc?)$/],
  ['JavaScript', /^package\.json$/],
  ['Rust', /^Cargo\.toml$/],
  ['Go', /^go\.mod$/],
  ['Python', /^(pyproject\.toml|setup\.py|setup\.cfg|requirements\.txt|Pipfile)$/],
  ['Ruby', /^Gemfile$/],
  ['Java/Kotlin', /^(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?)$/],
  ['Elixir', /^mix\.exs$/],
  ['PHP', /^composer\.json$/],
  ['Swift', /^Package\.swift$/],
  ['C/C++', /^(CMakeLists\.txt|meson\.build|configure\.ac)$/],
  ['C#', /\.(csproj|sln)$/],
  ['Dart', /^pubspec\.yaml$/],
  ['Zig', /^build\.zig$/],
  ['Haskell', /^(stack\.yaml|cabal\.project)$|\.cabal$/],
];

const CI =
  /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.yml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|bitbucket-pipelines\.yml|\.travis\.yml|\.buildkite\/|\.woodpecker\.ya?ml|\.drone\.yml)$/;
const RELEASE =
  /^(\.goreleaser\.ya?ml|\.releaserc(\.\w+)?|release\.config\.\w+|release-please-config\.json|\.release-it\.json|\.changeset\/|CHANGELOG\.md|cliff\.toml|\.github\/workflows\/[^/]*release[^/]*)$/i;
const DOCS = /^((docs?|documentation|specs?|prds?|rfcs?|adrs?|design|proposals|requirements)\/|(PRD|SPEC|DESIGN|ARCHITECTURE|CONTRIBUTING|ROADMAP)\.md)$/i;
const AGENT_FILES = /^(CLAUDE\.md|AGENTS\.md|GEMINI\.md|\.cursorrules|\.claude\/|\.gemini\/|\.codex\/|\.opencode\/|opencode\.jsonc?)$/;
const MAKEFILE = /^(GNUmakefile|Makefile|makefile)$/;
const TASKFILE = /^[Tt]askfile\.ya?ml$/;
/** Scripts directly in the project or in a scripts-like directory; deeper ones are not launchers people type. */
const SHELL_SCRIPT = /^(?:(?:scripts|bin|tools|hack)\/)?[^/]+\.(sh|bash|zsh)$/;

/** Directories the reader should list besides the top level, given the top-level entries. */
export function dirsToList(topLevel: readonly string[]): string[] {
  return LISTED_DIRS.filter((dir) => topLevel.includes(dir) || (dir.startsWith('.github/') && topLevel.includes('.github/')));
}

/** Files whose text the facts need, in the order to read them (a bound may cut the tail). */
export function filesToRead(paths: readonly string[]): string[] {
  const wanted = (pattern: RegExp) => paths.filter((path) => pattern.test(path));
  return [...wanted(/^package\.json$/), ...wanted(MAKEFILE), ...wanted(TASKFILE), ...wanted(/^devbox\.json$/), ...wanted(SHELL_SCRIPT)];
}

/** The command that runs a package.json script, by the lock file present. */
export function packageRunner(paths: readonly string[]): string {
  if (paths.includes('pnpm-lock.yaml')) return 'pnpm run';
  if (paths.includes('yarn.lock')) return 'yarn run';
  if (paths.includes('bun.lockb') || paths.includes('bun.lock')) return 'bun run';
  return 'npm run';
}

function commandsOf(path: string, text: string, runner: string): ProjectCommand[] {
  if (path === 'package.json') return packageJsonCommands(text, runner, path);
  if (path === 'devbox.json') return devboxCommands(text, path);
  if (MAKEFILE.test(path)) return makefileCommands(text, path);
  if (TASKFILE.test(path)) return taskfileCommands(text, path);
  if (SHELL_SCRIPT.test(path)) return [shellScriptCommand(path, text) ?? []].flat();
  return [];
}

export function factsFromSnapshot(snapshot: ProjectSnapshot): ProjectFacts {
  const { paths } = snapshot;
  const matching = (pattern: RegExp) => paths.filter((path) => pattern.test(path));
  const runner = packageRunner(paths);
  const languages = LANGUAGE_MARKERS.filter(([, marker]) => paths.some((path) => !path.includes('/') && marker.test(path))).map(([name]) => name);
  return {
    // A project with tsconfig.json is TypeScript; its package.json does not make it JavaScript too.
    languages: languages.includes('TypeScript') ? languages.filter((name) => name !== 'JavaScript') : languages,
    commands: Object.entries(snapshot.files).flatMap(([path, text]) => commandsOf(path, text, runner)),
    ci: matching(CI),
    release: matching(RELEASE),
    docs: matching(DOCS),
    agentFiles: matching(AGENT_FILES),
    agentsOnPath: [...snapshot.agentsOnPath],
    hasProjectFile: paths.includes(PROJECT_FILE),
    omitted: [...snapshot.omitted],
  };
}
