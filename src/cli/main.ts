// Entry point of the built binary (bin/dot-agent-deck.js imports this file).
import { processIO } from './io.js';
import { run } from './run.js';

const code = await run(process.argv.slice(2), processIO());
process.exitCode = code;
