// The throw-away project `dot-agent-deck demo` runs: examples/demo copied into a new temporary
// directory, each role's command rewritten to absolute paths (this node, the shipped simulated
// agent, the copied script). It does not open panes; demo.ts does.
// eslint-disable-next-line no-restricted-syntax -- writes only into the directory mkdtemp just created
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../common/errors.js';
import { packagePath } from '../../common/package-root.js';
import { validateProjectText } from '../../config/load-project.js';
import { PROJECT_FILE } from '../../config/paths.js';
import { parseCommandLine } from '../../pty/command-line.js';

export const DEMO_ROLES = ['orchestrator', 'coder', 'reviewer', 'auditor', 'release'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

/** The role whose script asks a question; the headless demo answers it. */
export const ASKING_ROLE: DemoRole = 'auditor';

export interface DemoSources {
  /** examples/demo: the project file and one JSON script per role. */
  exampleDir: string;
  simAgent: string;
  nodePath: string;
}

export const shippedDemoSources = (): DemoSources => ({
  exampleDir: packagePath('examples', 'demo'),
  simAgent: packagePath('examples', 'demo', 'sim-agent.mjs'),
  nodePath: process.execPath,
});

// A role line of examples/demo/.dot-agent-deck.toml, as written there for running it in place.
const EXAMPLE_COMMAND = /^command = "node sim-agent\.mjs --role ([a-z]+) --script \1\.json"$/gm;

/** Creates the project under `parent` (default: the system temporary directory); returns its path. */
export function createDemoProject(sources: DemoSources, parent = tmpdir()): string {
  const dir = realpathSync(mkdtempSync(join(parent, 'dot-agent-deck-demo-')));
  for (const name of readdirSync(sources.exampleDir)) {
    if (name.endsWith('.json') || name === 'README.md') copyFileSync(join(sources.exampleDir, name), join(dir, name));
  }
  const example = readFileSync(join(sources.exampleDir, PROJECT_FILE), 'utf8');
  writeFileSync(
    join(dir, PROJECT_FILE),
    demoProjectText(example, (role) => demoRoleCommand(sources, role, join(dir, `${role}.json`))),
  );
  return dir;
}

/** The example's project file with each role's command replaced; checked to be a valid file. */
export function demoProjectText(example: string, commandFor: (role: string) => string): string {
  const rewritten = new Set<string>();
  const text = example.replace(EXAMPLE_COMMAND, (_line, role: string) => {
    rewritten.add(role);
    return `command = ${JSON.stringify(commandFor(role))}`;
  });
  const missing = DEMO_ROLES.filter((role) => !rewritten.has(role));
  if (missing.length > 0) throw new Error(`examples/demo/${PROJECT_FILE} has no sim-agent command for ${missing.join(', ')}`);
  const { errors } = validateProjectText(text, PROJECT_FILE);
  if (errors.length > 0) throw new Error(`the demo's ${PROJECT_FILE} is invalid: ${errors[0]!.message}`);
  return text;
}

/**
 * `node sim-agent.mjs --role R --script FILE` with every path absolute, written so the deck runs
 * it directly (argv, no shell): a path a shell would interpret is refused, never interpolated.
 */
export function demoRoleCommand(sources: Pick<DemoSources, 'nodePath' | 'simAgent'>, role: string, script: string): string {
  const words = [sources.nodePath, sources.simAgent, '--role', role, '--script', script];
  const line = words.map(quoteWord).join(' ');
  const parsed = parseCommandLine(line);
  if (parsed.kind !== 'argv' || parsed.argv.length !== words.length || parsed.argv.some((word, i) => word !== words[i])) {
    const odd = words.find((word) => /[^A-Za-z0-9_./:@%+,=-]/.test(word)) ?? line;
    throw new UserError(`The demo cannot start its agents from ${JSON.stringify(odd)}: the path has characters a shell would interpret.`, {
      hint: 'set TMPDIR to a plain directory (e.g. TMPDIR=/tmp), or install dot-agent-deck under a path without $, `, \\, quotes, ! or #',
    });
  }
  return line;
}

function quoteWord(word: string): string {
  if (/^[A-Za-z0-9_./:@%+,=-]+$/.test(word)) return word;
  return word.includes("'") ? `"${word}"` : `'${word}'`;
}
