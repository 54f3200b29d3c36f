// Where a card says a pane runs, shortly: its program's name (not the absolute command line) and
// its directory relative to the tab's project. Pure.

/** Programs that run a script: the card names the script too ("node sim-agent.mjs"). */
const INTERPRETERS = new Set(['node', 'nodejs', 'python', 'python3', 'bash', 'sh', 'zsh', 'deno', 'bun', 'ruby', 'perl']);

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** `/usr/bin/node /tmp/x/sim-agent.mjs --role coder` → `node sim-agent.mjs`; `claude --resume` → `claude`. */
export function programName(command: string): string {
  const words = command.trim().split(/\s+/);
  // Leading VAR=value assignments are environment, not the program.
  while (words.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words.shift();
  const program = base(words[0] ?? '');
  const script = words.slice(1).find((word) => !word.startsWith('-'));
  return INTERPRETERS.has(program) && script !== undefined ? `${program} ${base(script)}` : program;
}

/** The deepest directory every pane of a tab runs in, or null for the Dashboard or no panes. */
export function tabRoot(cwds: readonly string[], tab: string | null): string | null {
  if (tab === null || cwds.length === 0) return null;
  let parts = cwds[0]!.split('/');
  for (const cwd of cwds.slice(1)) {
    const other = cwd.split('/');
    let same = 0;
    while (same < parts.length && same < other.length && parts[same] === other[same]) same++;
    parts = parts.slice(0, same);
  }
  const root = parts.join('/');
  return root === '' ? null : root;
}

/** `cwd` as the card shows it: in the tab's project nothing (the tab names it) or `sub/dir` below
 *  it; elsewhere the path, with `~` for home. */
export function placeOf(cwd: string, root: string | null, home: string | undefined): string {
  if (root !== null && cwd === root) return '';
  if (root !== null && cwd.startsWith(`${root}/`)) return cwd.slice(root.length + 1);
  if (home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))) return `~${cwd.slice(home.length)}`;
  return cwd;
}
