// The deck's first picture before Ink and React have loaded (bench first-frame): the chrome
// (first-paint/chrome.ts) and the panes' screens (the painter, as their first frames arrive),
// kept up to date on a resize or a change of state until Ink's first frame takes over with the
// same cells. Where the chrome is not one it draws, it draws nothing and Ink draws first.
import type { Disposable } from '../../common/disposable.js';
import type { SizeSource } from '../app/deck-context.js';
import type { DeckStore } from '../app/deck-store.js';
import type { KeyMap } from '../input/key-map.js';
import type { PanePainter } from '../painter/pane-painter.js';
import { paintChrome } from './chrome.js';

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';
const CLEAR = '\x1b[2J';

export interface EarlyPaintOptions {
  store: DeckStore;
  keyMap: KeyMap;
  size: SizeSource;
  home: string | undefined;
  painter: Pick<PanePainter, 'paintAll'>;
  /** The real terminal, already on the cleared alternate screen. */
  write(text: string): void;
}

export class EarlyPaint implements Disposable {
  private readonly unsubscribe: Array<() => void> = [];
  private painted = false;

  /** Whether the first picture is on screen (painted, not blanked, not yet handed to Ink). */
  get showing(): boolean {
    return this.painted;
  }

  constructor(private readonly options: EarlyPaintOptions) {}

  /** Paints the first picture; false (nothing written) where Ink must draw it. Then follows the
   *  size and the state until disposed. */
  paint(): boolean {
    const chrome = this.chrome();
    if (chrome === null) return false;
    this.painted = true;
    this.options.write(BSU + chrome + this.options.painter.paintAll() + ESU);
    const repaint = () => this.repaint();
    this.unsubscribe.push(this.options.size.subscribe(repaint), this.options.store.subscribe(repaint));
    return true;
  }

  /** Ink has drawn: it owns the chrome from here on. */
  dispose(): void {
    this.painted = false;
    for (const stop of this.unsubscribe.splice(0)) stop();
  }

  private repaint(): void {
    if (!this.painted) return;
    // A state the chrome does not cover leaves a blank screen for Ink, never a stale picture.
    const chrome = this.chrome();
    this.options.write(BSU + CLEAR + (chrome === null ? '' : chrome + this.options.painter.paintAll()) + ESU);
    if (chrome === null) this.dispose(); // blank until Ink draws: no pane without its chrome
  }

  private chrome(): string | null {
    const { cols, rows } = this.options.size.get();
    return paintChrome({ state: this.options.store.getState(), keyMap: this.options.keyMap, home: this.options.home, now: Date.now(), cols, rows });
  }
}
