// The node flags the parse worker starts with (pty/parse-worker-client.ts).

/** Flags of the process the worker keeps: profiling and diagnostics, each valid in a worker. */
const WORKER_FLAGS = ['--cpu-prof', '--heap-prof', '--enable-source-maps', '--no-warnings', '--trace-warnings'];

/**
 * The process's node flags the worker is given. Inherited, a flag only a main thread takes failed
 * the worker (`node --input-type=module` with the worker's file), and given explicitly a V8 flag
 * is refused (ERR_WORKER_INVALID_EXEC_ARGV for the daemon's --max-semi-space-size=4).
 */
export function workerFlags(execArgv: readonly string[]): string[] {
  return execArgv.filter((flag) => WORKER_FLAGS.some((kept) => flag.startsWith(kept)));
}
