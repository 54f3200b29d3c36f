// Reads the commands a project defines (package.json scripts, Makefile and Taskfile targets,
// devbox scripts, shell scripts) out of file text. Pure: the caller reads the files, bounded.
// Everything returned is the project's own text, to be shown to an agent as data.
import { z } from 'zod';
import { agentsMentioned, type AgentCli } from './agent-clis.js';

export type CommandPurpose = 'test' | 'build' | 'lint' | 'format' | 'typecheck' | 'release' | 'dev';

export interface ProjectCommand {
  /** The file that defines it, relative to the project (`package.json`, `scripts/agent.sh`). */
  source: string;
  name: string;
  /** How a person runs it from the project directory: `npm run test`, `make lint`. */
  run: string;
  /** What it runs, on one line and shortened. */
  body: string;
  purposes: CommandPurpose[];
  /** Agent CLIs it starts, so a role's `command` can reuse the project's own launcher. */
  agents: AgentCli[];
}

/** Script bodies are shown for orientation, not execution: one short line is enough. */
export const MAX_BODY_CHARS = 160;
/** Longer names are generated or hostile; a person does not type them. */
const MAX_NAME_CHARS = 80;

const PURPOSE_WORDS: ReadonlyArray<readonly [CommandPurpose, readonly string[]]> = [
  ['test', ['test', 'tests', 'spec', 'e2e', 'unit', 'integration', 'coverage', 'ci']],
  ['build', ['build', 'compile', 'bundle', 'dist', 'package']],
  ['lint', ['lint', 'eslint', 'clippy', 'vet', 'check']],
  ['format', ['fmt', 'format', 'prettier']],
  ['typecheck', ['typecheck', 'tsc', 'types', 'mypy']],
  ['release', ['release', 'publish', 'deploy', 'version', 'changeset']],
  ['dev', ['dev', 'start', 'serve', 'watch']],
];

/** Purposes guessed from the words of a name: `test:unit` → test, `lint-fix` → lint. */
export function purposesOf(name: string): CommandPurpose[] {
  const words = new Set(name.toLowerCase().split(/[^a-z0-9]+/));
  return PURPOSE_WORDS.filter(([, list]) => list.some((word) => words.has(word))).map(([purpose]) => purpose);
}

/** `text` with control characters (escape sequences, newlines) as spaces, cut to `max`. */
export function printable(text: string, max: number): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** One printable line with runs of spaces collapsed, cut to `max`. */
export function oneLine(text: string, max: number = MAX_BODY_CHARS): string {
  return printable(printable(text, Infinity).replace(/\s+/g, ' ').trim(), max);
}

/** `runAs` turns the cleaned name into the command a person types. */
function command(source: string, name: string, runAs: (name: string) => string, body: string): ProjectCommand | undefined {
  const clean = oneLine(name, MAX_NAME_CHARS + 1);
  if (clean === '' || clean.length > MAX_NAME_CHARS) return undefined;
  return { source, name: clean, run: oneLine(runAs(clean)), body: oneLine(body), purposes: purposesOf(clean), agents: agentsMentioned(body) };
}

function run(prefix: string): (name: string) => string {
  return (name) => `${prefix} ${name}`;
}

const StringRecord = z.record(z.string(), z.unknown());

/** package.json `scripts`; `runner` is `npm run`, `pnpm run`, … as the lock file says. */
export function packageJsonCommands(text: string, runner = 'npm run', source = 'package.json'): ProjectCommand[] {
  const parsed = z.object({ scripts: StringRecord.optional() }).safeParse(parseJson(text));
  const scripts = parsed.success ? (parsed.data.scripts ?? {}) : {};
  return Object.entries(scripts).flatMap(([name, body]) => (typeof body === 'string' ? (command(source, name, run(runner), body) ?? []) : []));
}

/** devbox.json `shell.scripts`: each a string or a list of lines. */
export function devboxCommands(text: string, source = 'devbox.json'): ProjectCommand[] {
  const Devbox = z.object({ shell: z.object({ scripts: StringRecord.optional() }).optional() });
  const parsed = Devbox.safeParse(parseJson(text));
  const scripts = parsed.success ? (parsed.data.shell?.scripts ?? {}) : {};
  return Object.entries(scripts).flatMap(([name, body]) => {
    const lines = typeof body === 'string' ? [body] : Array.isArray(body) ? body.filter((line) => typeof line === 'string') : [];
    return lines.length > 0 ? (command(source, name, run('devbox run'), lines.join('; ')) ?? []) : [];
  });
}

// A target name as people write them; `%` patterns, `$(VAR)` targets and `.SPECIAL` ones are
// not something to run by hand. `(?![=:])` keeps `X := y` and `a::b` out.
const MAKE_TARGET = /^([A-Za-z0-9_][\w./-]*(?:[ \t]+[A-Za-z0-9_][\w./-]*)*)[ \t]*:(?![=:])/;

/** Makefile targets with their recipe lines (the tab-indented lines that follow). */
export function makefileCommands(text: string, source = 'Makefile'): ProjectCommand[] {
  const lines = text.split(/\r?\n/);
  return lines.flatMap((line, index) => {
    const match = MAKE_TARGET.exec(line);
    if (!match) return [];
    const recipe: string[] = [];
    for (let next = index + 1; next < lines.length && lines[next]!.startsWith('\t'); next++) recipe.push(lines[next]!.trim());
    return match[1]!.split(/[ \t]+/).flatMap((target) => command(source, target, run('make'), recipe.join('; ')) ?? []);
  });
}

/**
 * Taskfile.yml tasks, read by indentation rather than a YAML parser: names are the keys one
 * level under `tasks:`, the body is the list items (`- cmd` or `- cmd: …`) under each.
 */
export function taskfileCommands(text: string, source = 'Taskfile.yml'): ProjectCommand[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^tasks:\s*(#.*)?$/.test(line));
  if (start < 0) return [];
  const tasks: Array<{ name: string; body: string[] }> = [];
  let taskIndent: number | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) break;
    taskIndent ??= indent;
    const key = /^\s*(?:"([^"]+)"|'([^']+)'|([\w:.-]+)):/.exec(line);
    if (indent === taskIndent && key) tasks.push({ name: key[1] ?? key[2] ?? key[3]!, body: [] });
    else if (indent > taskIndent) {
      const item = /^\s*-\s+(?:cmd:\s*)?(.*)$/.exec(line);
      if (item && tasks.length > 0) tasks.at(-1)!.body.push(unquote(item[1]!));
    }
  }
  return tasks.flatMap((task) => command(source, task.name, run('task'), task.body.join('; ')) ?? []);
}

/**
 * A shell script, as one command run by its path. Its body is the lines that start an agent
 * when there are any (that is what the generator needs to see), else its first lines.
 */
export function shellScriptCommand(path: string, text: string): ProjectCommand | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const launching = lines.filter((line) => agentsMentioned(line).length > 0);
  return command(path, path, () => `./${path}`, (launching.length > 0 ? launching : lines).join('; '));
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return /^(["']).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
