// Entry point of the built binary (bin/dot-agent-deck.js imports this file).
import type * as DaemonMain from '../daemon/main.js';
import { processIO } from './io.js';
import { traceStartup } from '../common/startup-trace.js';

traceStartup('cli-main');

type DaemonModule = typeof DaemonMain;

const argv = process.argv.slice(2);
/** The bundled daemon, built next to this file's directory by `npm run build`. */
const DAEMON_BUNDLE = '../daemon-bundle/main.js';
// `hook` runs inside every agent hook and must exit in ~50 ms (issue #6): it skips loading the
// whole program. Any other shape of the command line goes through commander as usual.
const hookAgent = argv.length === 3 && argv[0] === 'hook' && argv[1] === '--agent' ? argv[2] : undefined;
if (hookAgent !== undefined) {
  const { runHook } = await import('./commands/hook.js');
  await runHook(hookAgent, processIO());
  process.exitCode = 0;
} else if (argv.length === 2 && argv[0] === 'daemon' && argv[1] === 'run') {
  // What the CLI's auto-start runs: straight to the daemon, bundled (scripts/bundle-daemon.mjs),
  // without commander and every command's modules (start → socket ready, bench start).
  const { runDaemon } = (await import(DAEMON_BUNDLE)) as DaemonModule;
  process.exitCode = await runDaemon({ env: processIO().env });
} else if (argv.length === 0) {
  // The deck itself: straight to it, without commander and every command's modules (bench
  // first-frame: ~300 ms of a 700 ms first frame), from one bundle compiled with V8's code cache
  // (cli/deck-bundle.ts), which is written once the deck is drawn.
  const io = processIO();
  const { loadDeck } = await import('./deck-bundle.js');
  const { entry, saveCodeCache } = await loadDeck(io.env);
  process.exitCode = await entry.openDeck(io, undefined, { afterFirstFrame: saveCodeCache }).then(
    () => 0,
    (error: unknown) => entry.reportError(error, io),
  );
} else {
  const { run } = await import('./run.js');
  process.exitCode = await run(argv, processIO());
}
