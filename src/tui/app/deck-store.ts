// Holds the deck state outside React: the input router reads it synchronously between two keys
// of one chunk (a mode switch must apply to the very next byte), and React reads it through
// useSyncExternalStore. Effects go to whoever runs them (the controller).
import { update, type KeyNamer } from '../state/deck-reducer.js';
import type { DeckMsg, Effect } from '../state/deck-msg.js';
import type { DeckState } from '../state/deck-state.js';

export class DeckStore {
  private state: DeckState;
  private readonly listeners = new Set<() => void>();
  private runEffects: (effects: Effect[]) => void = () => undefined;

  constructor(
    initial: DeckState,
    private readonly keys: KeyNamer,
  ) {
    this.state = initial;
  }

  readonly getState = (): DeckState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Who runs the reducer's effects; set once by the controller. */
  setEffectRunner(run: (effects: Effect[]) => void): void {
    this.runEffects = run;
  }

  dispatch = (msg: DeckMsg): void => {
    const result = update(this.state, msg, this.keys);
    if (result.state !== this.state) {
      this.state = result.state;
      for (const listener of [...this.listeners]) listener();
    }
    if (result.effects.length > 0) this.runEffects(result.effects);
  };
}
