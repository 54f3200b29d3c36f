// Field-level rules shared by the project schema: names that become file names, commands that
// must say what to run, and rule patterns that must compile. Each returns a sentence saying
// what is wrong, so the schema and any later check speak the same words.
import { z } from 'zod';

const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;

/** Names become file names and words the deck types into panes, so they are a safe identifier. */
export const MAX_NAME_LENGTH = 64;
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A name close to `name` that passes `nameProblem`, for the error message. */
export function suggestSafeName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_NAME_LENGTH);
  return slug === '' ? 'worker' : slug;
}

/** Why `name` cannot be used as a role/mode/orchestration name, or undefined if it can. Names are
 *  letters, digits, "-", "_" and "." (not leading), at most 64 characters: they become file names
 *  under .dot-agent-deck/ and appear in lines the deck types into agents' shells, where `$`, `;`,
 *  a backtick or a space would be read as code. */
export function nameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'must not be empty';
  if (name.length > MAX_NAME_LENGTH)
    return `is ${name.length} characters long; names are at most ${MAX_NAME_LENGTH}: try ${JSON.stringify(suggestSafeName(name))}`;
  if (SAFE_NAME.test(name)) return undefined;
  const control = CONTROL_CHAR.exec(name);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `${JSON.stringify(name)} contains a control character (U+${code}): use letters, digits, "-", "_" or ".", e.g. ${JSON.stringify(suggestSafeName(name))}`;
  }
  if (name.startsWith('.'))
    return `${JSON.stringify(name)} starts with "."; names become file names, so start with a letter or digit, e.g. ${JSON.stringify(suggestSafeName(name))}`;
  const bad = [...new Set([...name].filter((char) => !/[A-Za-z0-9._-]/.test(char)))].map((char) => (char === ' ' ? 'a space' : JSON.stringify(char)));
  return `${JSON.stringify(name)} contains ${bad.join(', ')}; names are used in file names and in lines typed into agents' shells, so use only letters, digits, "-", "_" and ".": try ${JSON.stringify(suggestSafeName(name))}`;
}

export function safeName() {
  return z.string().superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** Why `command` cannot be run, or undefined. */
export function commandProblem(command: string): string | undefined {
  if (command === '') return 'must not be empty: give the program to run, e.g. "claude"';
  if (command.trim() === '') return 'is only whitespace: give the program to run, e.g. "claude"';
  return undefined;
}

export function shellCommand(description: string) {
  return z
    .string()
    .superRefine((command, ctx) => {
      const problem = commandProblem(command);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(description);
}

/**
 * Compiles a mode rule pattern the way the deck will use it. A leading `(?i)` (Rust regex
 * syntax, used by configs written for the original dot-agent-deck) becomes the `i` flag,
 * because JavaScript on Node 20 has no inline flags.
 */
export function compileRulePattern(pattern: string): RegExp {
  if (pattern.startsWith('(?i)')) return new RegExp(pattern.slice(4), 'i');
  return new RegExp(pattern);
}

/** Why `pattern` does not compile, or undefined. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern === '') return 'must not be empty: an empty pattern matches every command';
  try {
    compileRulePattern(pattern);
    return undefined;
  } catch (error) {
    // V8 says "Invalid regular expression: /[a/: Unterminated character class"; keep the reason.
    const reason = error instanceof Error ? (error.message.split(': ').pop() ?? error.message) : String(error);
    return `is not a valid regular expression: ${reason}`;
  }
}
