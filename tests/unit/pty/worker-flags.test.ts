import { describe, expect, it } from 'vitest';
import { workerFlags } from '../../../src/pty/worker-flags.js';

describe('workerFlags', () => {
  it.each<[string, string[], string[]]>([
    ['none', [], []],
    ['the daemon’s V8 flag is dropped (a worker refuses it)', ['--max-semi-space-size=4'], []],
    ['--input-type is dropped (it broke the worker)', ['--input-type=module', '-e'], []],
    ['profiling flags are kept, with their directory', ['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--trace-gc'], ['--cpu-prof', '--cpu-prof-dir=/tmp/p']],
    ['diagnostics are kept', ['--enable-source-maps', '--no-warnings', '--trace-warnings'], ['--enable-source-maps', '--no-warnings', '--trace-warnings']],
  ])('%s', (_name, execArgv, kept) => {
    expect(workerFlags(execArgv)).toEqual(kept);
  });
});
