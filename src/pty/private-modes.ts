// Tracks the terminal modes xterm.js keeps to itself: cursor visibility (DECTCEM, `CSI ? 25 h/l`)
// and SGR mouse encoding (`CSI ? 1006 h/l`). It observes the parser and never handles a sequence,
// so xterm's own handling still runs. Changes surface with the write that caused them.
import type { Terminal } from '@xterm/headless';
import { DisposableStore, type Disposable } from '../common/disposable.js';

const DECTCEM = 25;
const MOUSE_SGR = 1006;
// SGR-pixels reporting replaces the cell encoding in xterm.js (measured: `?1016h` after `?1006h`
// leaves activeEncoding = 'SGR_PIXELS'); the deck reports cells, so treat it as "not SGR".
const MOUSE_SGR_PIXELS = 1016;

function modeNumbers(params: (number | number[])[]): number[] {
  return params.filter((p): p is number => typeof p === 'number');
}

export class PrivateModeTracker implements Disposable {
  private readonly store = new DisposableStore();
  private cursorHidden = false;
  private sgrMouse = false;

  constructor(term: Terminal) {
    const { parser } = term;
    const set = (enable: boolean) => (params: (number | number[])[]) => {
      for (const mode of modeNumbers(params)) {
        if (mode === DECTCEM) this.cursorHidden = !enable;
        if (mode === MOUSE_SGR) this.sgrMouse = enable;
        if (mode === MOUSE_SGR_PIXELS && enable) this.sgrMouse = false;
      }
      return false; // let xterm apply the mode too
    };
    this.store.add(parser.registerCsiHandler({ prefix: '?', final: 'h' }, set(true)));
    this.store.add(parser.registerCsiHandler({ prefix: '?', final: 'l' }, set(false)));
    // RIS (`ESC c`) resets everything. A real xterm shows the cursor again; xterm.js 6 keeps its
    // internal "hidden" flag (measured), but its renderer is not ours, so follow the real terminal.
    this.store.add(
      parser.registerEscHandler({ final: 'c' }, () => {
        this.cursorHidden = false;
        this.sgrMouse = false;
        return false;
      }),
    );
    // DECSTR (`CSI ! p`) shows the cursor; xterm.js keeps the mouse encoding (measured).
    this.store.add(
      parser.registerCsiHandler({ intermediates: '!', final: 'p' }, () => {
        this.cursorHidden = false;
        return false;
      }),
    );
  }

  get cursorVisible(): boolean {
    return !this.cursorHidden;
  }

  get mouseSgr(): boolean {
    return this.sgrMouse;
  }

  dispose(): void {
    this.store.dispose();
  }
}
