// Which agent a pane runs. From the command line: pure and forgiving, it never throws, and a
// command it cannot read is simply "not a known agent". From the agent's signals: its banner or
// input box on screen, its window title. The status tracker ranks them: a role's explicit
// `agent`, then the agent's own hook events, then the command line, then screen and title.
import type { AgentType } from './agent-adapter.js';
import { ADAPTERS } from './adapters.js';
import { scanWords } from '../pty/command-line.js';

// Wrappers whose own options come before the real program.
const WRAPPERS = new Set(['env', 'sudo', 'exec', 'nohup', 'time', 'nice', 'command', 'npx', 'bunx', 'pnpx']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'fish', 'ksh']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
// Wrapper options that take the next word as their value (`sudo -u agent`, `env -u VAR`).
const OPTIONS_WITH_VALUE = new Set(['-u', '-g', '-U', '-C', '-D', '-n', '-S']);
// Lists of commands: look at each part (`cd x && claude`, `source env; codex`).
const SEPARATORS = /&&|\|\||[;|\n]/;
const MAX_DEPTH = 3;

const PROGRAMS = new Map<string, AgentType>(Object.values(ADAPTERS).flatMap((adapter) => adapter.programs.map((program) => [program, adapter.type] as const)));

export function detectAgentType(command: string): AgentType | null {
  return detect(command, 0);
}

function detect(command: string, depth: number): AgentType | null {
  if (depth > MAX_DEPTH) return null;
  for (const part of command.split(SEPARATORS)) {
    const found = detectSimple(scanWords(part).words, depth);
    if (found !== null) return found;
  }
  return null;
}

function detectSimple(words: string[], depth: number): AgentType | null {
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    const name = basename(word);
    if (OPTIONS_WITH_VALUE.has(word)) {
      i += 2;
    } else if (word === '' || ASSIGNMENT.test(word) || word.startsWith('-')) {
      i += 1;
    } else if (WRAPPERS.has(name)) {
      i += 1;
    } else if (SHELLS.has(name)) {
      const script = shellScript(words.slice(i + 1));
      return script === null ? null : detect(script, depth + 1);
    } else {
      return PROGRAMS.get(name) ?? null;
    }
  }
  return null;
}

/** The script of `sh -c 'script'` (also `-lc`, `-ec`), or null. */
function shellScript(args: string[]): string | null {
  const flag = args.findIndex((arg) => /^-[a-z]*c[a-z]*$/.test(arg));
  return flag === -1 ? null : (args[flag + 1] ?? null);
}

function basename(word: string): string {
  const name = word.slice(word.lastIndexOf('/') + 1);
  // `npx @anthropic-ai/claude-code@latest` → claude-code
  const at = name.indexOf('@');
  return at > 0 ? name.slice(0, at) : name;
}

/** The agent a screen or window title gives away (its banner, its input box, its title), or
 *  null. Read when the command names no agent: a wrapper script starts Codex as `codex-role`. */
export function detectAgentFromSignals(screen: readonly string[], title: string): AgentType | null {
  for (const adapter of Object.values(ADAPTERS)) {
    if (adapter.signatures.title.some((re) => re.test(title))) return adapter.type;
    if (screen.some((line) => adapter.signatures.screen.some((re) => re.test(line)))) return adapter.type;
  }
  return null;
}
