// Agents in panes call `dot-agent-deck delegate|work-done|hook`. A user who ran the deck through
// `npx` has no such command on PATH, and a globally installed one may be another version that
// speaks another protocol. So the daemon writes a launcher for its own CLI, run by its own node,
// into its private runtime dir, and every pane's PATH starts with that directory.
import { mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicSync } from '../common/fs-atomic.js';

const CLI_ENTRY = fileURLToPath(new URL('../../bin/dot-agent-deck.js', import.meta.url));

/** Writes `<dir>/dot-agent-deck` and returns `dir`. `runtimeDir` is the daemon's 0700 directory. */
export function installCliLauncher(runtimeDir: string, nodePath = process.execPath, cliEntry = CLI_ENTRY): string {
  const dir = join(runtimeDir, 'bin');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'dot-agent-deck');
  // Atomic: a symlink planted at the name is replaced, and a pane never runs a half-written script.
  writeFileAtomicSync(file, launcherScript(nodePath, cliEntry), { mode: 0o700 });
  return dir;
}

export function launcherScript(nodePath: string, cliEntry: string): string {
  return `#!/bin/sh\n# Written by the dot-agent-deck daemon: its own CLI, with the node that runs the daemon.\nexec ${singleQuote(nodePath)} ${singleQuote(cliEntry)} "$@"\n`;
}

/** PATH with `dir` first (and not repeated). */
export function prependPath(dir: string, path: string | undefined): string {
  const rest = (path ?? '').split(delimiter).filter((entry) => entry !== '' && entry !== dir);
  return [dir, ...rest].join(delimiter);
}

function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
