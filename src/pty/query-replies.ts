// Answers the terminal queries xterm.js leaves unanswered when headless, because an agent may wait
// for them at startup (measured on @xterm/headless 6: no reply to `OSC 10;?`, `OSC 11;?` or
// `CSI > 0 q`, while DA1/DA2/DSR are answered through onData). Nothing else is answered here.
import type { Terminal } from '@xterm/headless';
import { DisposableStore, type Disposable } from '../common/disposable.js';

export interface ReportedColours {
  /** X11 colour spec, the form xterm answers in (`rgb:rrrr/gggg/bbbb`). */
  foreground: string;
  background: string;
}

/**
 * What the deck claims its default colours are. The real colours belong to the user's terminal,
 * which the daemon cannot see; a light-on-dark answer matches most terminals' defaults and lets
 * programs that choose a palette from the background pick their dark theme.
 */
export const DEFAULT_REPORTED_COLOURS: ReportedColours = {
  foreground: 'rgb:e5e5/e5e5/e5e5',
  background: 'rgb:0000/0000/0000',
};

/** The name in the XTVERSION answer (`DCS > | name ST`). */
export const XTVERSION_NAME = 'dot-agent-deck';

const ST = '\x1b\\';
const OSC_FOREGROUND = 10;
const OSC_BACKGROUND = 11;

/**
 * Registers the answers on `term`'s parser; `reply` receives the bytes to send to the program.
 * OSC 10 and 11 may chain queries (`OSC 10;?;? ST` asks for 10 and 11), as in xterm.
 */
export function registerQueryReplies(term: Terminal, reply: (data: string) => void, colours: ReportedColours = DEFAULT_REPORTED_COLOURS): Disposable {
  const store = new DisposableStore();
  const answer = (first: number) => (data: string) => {
    let answered = false;
    data.split(';').forEach((part, index) => {
      const ident = first + index;
      if (part !== '?') return;
      if (ident === OSC_FOREGROUND) reply(`\x1b]${ident};${colours.foreground}${ST}`);
      else if (ident === OSC_BACKGROUND) reply(`\x1b]${ident};${colours.background}${ST}`);
      else return;
      answered = true;
    });
    // Setting a colour (not a query) is left to xterm's own handler.
    return answered;
  };
  store.add(term.parser.registerOscHandler(OSC_FOREGROUND, answer(OSC_FOREGROUND)));
  store.add(term.parser.registerOscHandler(OSC_BACKGROUND, answer(OSC_BACKGROUND)));
  store.add(
    term.parser.registerCsiHandler({ prefix: '>', final: 'q' }, (params) => {
      if ((params[0] ?? 0) !== 0) return false;
      reply(`\x1bP>|${XTVERSION_NAME}${ST}`);
      return true;
    }),
  );
  return store;
}
