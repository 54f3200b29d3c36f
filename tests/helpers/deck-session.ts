// One e2e deck session: a private daemon world (HOME, runtime, state), the built deck running in
// a PTY, and helpers that act the way a user does. Disposing leaves no deck, daemon or pane.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDaemonHarness, type DaemonHarness } from './daemon-harness.js';
import type { DeckEnv } from './deck-env.js';
import { startDeck, type DeckTerminal, type StartDeckOptions } from './deck-terminal.js';

/** A shell whose prompt is predictable and whose rc files cannot change the screen. */
export const PLAIN_BASH = ['bash', '--norc', '--noprofile'];
export const PROMPT = 'deck$ ';

export interface DeckSession {
  harness: DaemonHarness;
  deck: DeckTerminal;
  /** Starts (another) deck process in the same world, e.g. after detaching. */
  reopen(options?: StartDeckOptions): Promise<DeckTerminal>;
  /** A directory under the test's HOME. */
  dir(name: string): string;
  /** Opens a pane through the CLI (`dot-agent-deck new`) and waits for its card; returns its id. */
  newPane(name: string, command?: readonly string[]): Promise<string>;
  dispose(): Promise<void>;
}

export interface DeckSessionOptions extends StartDeckOptions {
  /** Prepares the world (e.g. writes config files) before the first deck starts. */
  before?(deck: DeckEnv): void;
}

export async function openDeckSession(options: DeckSessionOptions = {}): Promise<DeckSession> {
  const harness = createDaemonHarness({ PS1: PROMPT });
  options.before?.(harness.deck);
  const decks: DeckTerminal[] = [];
  const open = async (opts: StartDeckOptions) => {
    const deck = startDeck(harness.deck, { ...options, ...opts });
    decks.push(deck);
    await deck.ready();
    return deck;
  };
  const dir = (name: string) => {
    const path = join(harness.deck.home, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const session: DeckSession = {
    harness,
    deck: await open({}),
    reopen: (opts = {}) => open(opts).then((deck) => (session.deck = deck)),
    dir,
    newPane: async (name, command = PLAIN_BASH) => {
      const id = (await harness.ok(['new', '-n', name, '-p', dir(name), '--', ...command])).trim();
      // Keys typed before the deck knows the pane would act on the old pane list.
      await session.deck.waitForScreen(`the deck shows the card of ${name}`, new RegExp(`[1-9] ${name} +running`));
      return id;
    },
    dispose: async () => {
      for (const deck of decks) deck.dispose();
      await harness.dispose();
    },
  };
  return session;
}
