// What `dot-agent-deck` alone needs from the deck: bundled into one function body with
// everything it imports (scripts/bundle-deck.mjs) and loaded with V8's code cache
// (cli/deck-bundle.ts). Without the bundle (a tsc-only build), cli/deck-bundle.ts imports this file.
import './deck-zod.js'; // first: before any schema is constructed
export { openDeck } from './open-deck.js';
export { reportError } from './report-error.js';
