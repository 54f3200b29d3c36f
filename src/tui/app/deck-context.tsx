// The one provider of the deck's data: the store (state + dispatch), the key map and the
// terminal size. Components read through these hooks and never talk to the daemon.
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { KeyMap } from '../input/key-map.js';
import type { DeckState } from '../state/deck-state.js';
import type { DeckStore } from './deck-store.js';

export interface TerminalSize {
  cols: number;
  rows: number;
}

/** The terminal's size and its changes (from the stdout Ink draws on). */
export interface SizeSource {
  get(): TerminalSize;
  subscribe(listener: () => void): () => void;
}

export interface DeckContextValue {
  store: DeckStore;
  keyMap: KeyMap;
  size: SizeSource;
  /** The user's home directory, to show paths as ~/… */
  home: string | undefined;
}

const DeckContext = createContext<DeckContextValue | null>(null);

export function DeckProvider({ value, children }: { value: DeckContextValue; children: ReactNode }) {
  return <DeckContext.Provider value={value}>{children}</DeckContext.Provider>;
}

function useDeck(): DeckContextValue {
  const value = useContext(DeckContext);
  if (!value) throw new Error('deck hooks need a <DeckProvider>');
  return value;
}

export function useDeckState(): DeckState {
  const { store } = useDeck();
  return useSyncExternalStore(store.subscribe, store.getState);
}

export function useKeyMap(): KeyMap {
  return useDeck().keyMap;
}

export function useHome(): string | undefined {
  return useDeck().home;
}

export function useTerminalSize(): TerminalSize {
  const { size } = useDeck();
  return useSyncExternalStore(size.subscribe, size.get);
}

/**
 * The current time, updated at each minute boundary: card ages are in minutes, and a coarser
 * clock means one Ink frame a minute instead of a ticking redraw (ARCHITECTURE.md §3.2).
 */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), 60_000 - (now % 60_000) + 50);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}
