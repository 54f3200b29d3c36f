// Ink, React and the deck's components: loaded by run-deck.tsx only once the first picture is up
// (tui/first-paint), or straight away where the first paint does not draw it. What it renders
// takes over the first paint's cells unchanged (tests/unit/tui/first-paint).
import { PassThrough } from 'node:stream';
import { render, type Instance } from 'ink';
import { DeckScreen } from '../components/DeckScreen.js';
import { DeckProvider, type DeckContextValue } from './deck-context.js';
import type { InkOutput } from './ink-output.js';
import { traceStartup } from '../../common/startup-trace.js';

traceStartup('ink-loaded');

export function renderDeck(value: DeckContextValue, output: InkOutput): Instance {
  return render(
    <DeckProvider value={value}>
      <DeckScreen />
    </DeckProvider>,
    {
      stdout: output as unknown as NodeJS.WriteStream,
      // Ink never reads the keyboard: the input pipeline owns stdin (ARCHITECTURE.md §3.1).
      stdin: new PassThrough() as unknown as NodeJS.ReadStream,
      patchConsole: false,
      exitOnCtrlC: false,
      incrementalRendering: false,
    },
  );
}
