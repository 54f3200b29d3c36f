// Errors a person can act on. Only cli/ and the daemon's top level catch them and pick an exit code.

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
} as const;

export interface UserErrorOptions {
  /** One line that tells the user what to do next. */
  hint?: string;
  /** Process exit code when this error ends a command (default 1). */
  exitCode?: number;
  cause?: unknown;
}

/** An error caused by the user's input or environment: printed as a sentence, never as a stack. */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
}

/** By shape as well as by class: the bundled TUI (scripts/bundle-tui.mjs) has its own copy of
 *  this class, and its user errors must still print as sentences, not as bugs. */
export function isUserError(error: unknown): error is UserError {
  if (error instanceof UserError) return true;
  return error instanceof Error && error.name === 'UserError' && typeof (error as Partial<UserError>).exitCode === 'number';
}

/** The message of anything thrown, for logs and wrapped errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Exhaustiveness guard for `switch` over closed unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
