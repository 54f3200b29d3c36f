// Decides how a pane's command line is started: split into argv and executed directly when it is
// a plain list of words, or handed to the user's shell when it uses shell syntax. Pure: it does
// not look at the filesystem (program-path.ts does).
import { UserError } from '../common/errors.js';

export type CommandLine =
  /** Plain words (optionally in '…' or "…" quotes): executed directly, no shell in between. */
  | { kind: 'argv'; argv: [string, ...string[]] }
  /** Anything a shell would interpret: run as `$SHELL -c <command>`. */
  | { kind: 'shell'; command: string };

// Characters that mean something to a POSIX shell outside quotes. Inside double quotes only $, `
// and \ keep a meaning, and they are in this set too, so a line without any of these characters
// splits the same way a shell would split it. `=` is special only in the first word (FOO=1 cmd).
const SHELL_SYNTAX = /[|&;<>()$`\\*?[\]{}~#!\n\r]/;

// Words a shell runs itself, so there is no program of that name to exec (`exec claude`,
// `exit 3`, `cd dir`): POSIX special built-ins, the built-ins that change the shell's own state,
// and reserved words.
const SHELL_WORDS = new Set([
  '.',
  ':',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'times',
  'trap',
  'unset',
  'cd',
  'source',
  'alias',
  'umask',
  'ulimit',
  'wait',
  'command',
  'if',
  'for',
  'while',
  'until',
  'case',
]);

/** Parses a command line; throws UserError for an empty line or an unterminated quote. */
export function parseCommandLine(command: string): CommandLine {
  if (command.trim() === '') {
    throw new UserError('The pane command is empty', { hint: 'Give the program to run, e.g. "claude".' });
  }
  if (SHELL_SYNTAX.test(command)) return { kind: 'shell', command };
  const words = splitWords(command);
  const [program, ...args] = words;
  if (program === undefined) {
    throw new UserError('The pane command is empty', { hint: 'Give the program to run, e.g. "claude".' });
  }
  if (program.includes('=') || SHELL_WORDS.has(program)) return { kind: 'shell', command };
  return { kind: 'argv', argv: [program, ...args] };
}

/** Splits on spaces and tabs; '…' and "…" group (and may join) text; quotes are removed. */
function splitWords(command: string): string[] {
  const { words, openQuote } = scanWords(command);
  if (openQuote !== undefined) {
    throw new UserError(`The pane command has an unterminated ${openQuote} quote: ${command}`, {
      hint: 'Close the quote, or quote the whole argument.',
    });
  }
  return words;
}

/**
 * The words of a command line as a POSIX shell would split plain text (no expansions), and the
 * quote left open at the end, if any. Lenient callers (agent detection) just use the words.
 */
export function scanWords(text: string): { words: string[]; openQuote: "'" | '"' | undefined } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (const char of text) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === ' ' || char === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { words, openQuote: quote };
}

/**
 * A command line that runs exactly `argv`, whichever way parseCommandLine takes it: plain words
 * stay as they are and the rest go in single quotes, so it splits back into the same words, and
 * a shell given it (when a word holds shell syntax) undoes the same quoting. No word is ever
 * interpreted: this is how the deck runs a command it did not write as one argv.
 */
export function quoteCommandLine(argv: readonly string[]): string {
  return argv.map((word) => (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
