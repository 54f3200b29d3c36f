// Entry point of the built binary (bin/dot-agent-deck.js imports this file).
import { processIO } from './io.js';

const argv = process.argv.slice(2);
// `hook` runs inside every agent hook and must exit in ~50 ms (issue #6): it skips loading the
// whole program. Any other shape of the command line goes through commander as usual.
const hookAgent = argv.length === 3 && argv[0] === 'hook' && argv[1] === '--agent' ? argv[2] : undefined;
if (hookAgent !== undefined) {
  const { runHook } = await import('./commands/hook.js');
  await runHook(hookAgent, processIO());
  process.exitCode = 0;
} else {
  const { run } = await import('./run.js');
  process.exitCode = await run(argv, processIO());
}
