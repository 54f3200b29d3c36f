// Field-level rules shared by the project schema: names that become file names, commands that
// must say what to run, and rule patterns that must compile. Each returns a sentence saying
// what is wrong, so the schema and any later check speak the same words.
import { z } from 'zod';

const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `name` cannot be used as a role/mode/orchestration name, or undefined if it can. */
export function nameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'must not be empty';
  const control = CONTROL_CHAR.exec(name);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `${JSON.stringify(name)} contains a control character (U+${code}): use letters, digits, "-" or "_"`;
  }
  // Names become file names (.dot-agent-deck/worker-task-<role>.md): nothing that leaves the directory.
  for (const unsafe of ['..', '/', '\\']) {
    if (name.includes(unsafe)) {
      return `${JSON.stringify(name)} contains ${JSON.stringify(unsafe)}; names become file names under .dot-agent-deck/, so use letters, digits, "-" or "_"`;
    }
  }
  if (name.trim() !== name) {
    return `${JSON.stringify(name)} starts or ends with spaces, so \`delegate --to\` would not find it: remove them`;
  }
  return undefined;
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
