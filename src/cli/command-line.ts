// Turning CLI words into the one command line a pane runs.
import { shellQuote } from './format.js';

/** One word is taken as written (it may be shell syntax: `"npm test && ls"`); several words are
 *  quoted so `new -- bash -c 'echo hi'` runs exactly those arguments. No words: the user's shell. */
export function requireCommand(words: readonly string[], env: NodeJS.ProcessEnv): string {
  if (words.length === 1) return words[0]!;
  if (words.length > 1) return words.map(shellQuote).join(' ');
  return env.SHELL || '/bin/sh';
}
