// Named waits: tests wait on a condition with a deadline, never on a sleep. On timeout the error
// says what never happened and shows the state that was last seen.

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Called on timeout to describe what was last observed (e.g. the screen). */
  describe?: () => string;
}

export async function waitFor(description: string, predicate: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await predicate()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = options.describe ? `\n${options.describe()}` : '';
      const cause = lastError ? `\nlast error: ${(lastError as Error).message ?? String(lastError)}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${description}${cause}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits for a value to become defined and returns it. */
export async function waitForValue<T>(
  description: string,
  probe: () => T | undefined | null | Promise<T | undefined | null>,
  options: WaitOptions = {},
): Promise<T> {
  let value: T | undefined | null;
  await waitFor(
    description,
    async () => {
      value = await probe();
      return value !== undefined && value !== null;
    },
    options,
  );
  return value as T;
}
