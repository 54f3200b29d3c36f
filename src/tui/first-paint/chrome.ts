// The deck's chrome drawn without Ink: what components/DeckScreen.tsx renders, placed at the
// rectangles of the same computeLayout, for the states it covers — a connected deck with no
// dialog, message, filter or other hosts. For any other state it returns null and the deck waits
// for Ink's first frame, so the first paint is never a picture Ink would not draw.
import type { KeyMap, TuiAction } from '../input/key-map.js';
import { computeLayout, MIN_COLS, MIN_ROWS, type Rect } from '../layout/deck-layout.js';
import type { DeckState } from '../state/deck-state.js';
import { cardsOf, paneById, panesInTab, selectedPane, tabsOf } from '../state/selectors.js';
import { cardView } from '../view/card-view.js';
import { shortenPath, textWidth } from '../view/format.js';
import { journalStatus } from '../view/journal-status.js';
import { linkNotice } from '../view/link-text.js';
import { programName, tabRoot } from '../view/pane-place.js';
import { statsLine } from '../view/stats-line.js';
import { statusHints } from '../view/status-hints.js';
import { mostUrgent } from '../view/status-label.js';
import { theme, toneColour } from '../view/theme.js';
import { Canvas, Uncovered, type Segment } from './canvas.js';
import { emptyStateLines, paneFrameLines, paneTitleLine, sidebarLines, statusLine, tabBarLine } from './chrome-parts.js';

export interface ChromeInput {
  state: DeckState;
  keyMap: KeyMap;
  home: string | undefined;
  /** The time the cards' ages are counted from (DeckScreen's minute clock). */
  now: number;
  cols: number;
  rows: number;
}

/** Whether the first paint draws this state at all (before any cell is worked out). */
export function covered(state: DeckState): boolean {
  return state.loaded && state.dialog === null && state.message === null && state.filter === '' && state.hosts.length === 0 && linkNotice(state.link) === null;
}

/** The chrome as one write onto the cleared alternate screen, or null where Ink must draw. */
export function paintChrome(input: ChromeInput): string | null {
  if (!covered(input.state)) return null;
  try {
    return drawChrome(input).toAnsi();
  } catch (error) {
    if (error instanceof Uncovered) return null;
    throw error;
  }
}

function drawChrome({ state, keyMap, home, now, cols, rows }: ChromeInput): Canvas {
  const layout = computeLayout(cols, rows, state);
  const canvas = new Canvas(cols, layout.rows);
  const place = (rect: Rect, lines: ReadonlyArray<readonly Segment[]>, clip = false) => {
    if (!clip && lines.length > rect.rows) throw new Uncovered('lines past their box');
    lines.slice(0, rect.rows).forEach((line, i) => canvas.line(rect.x - 1, rect.y - 1 + i, line, rect.x - 1 + rect.cols));
  };
  if (layout.tooSmall) {
    // components/TooSmall.tsx: a column of two lines, centred in cols × (rows - 1).
    const box = { x: 1, y: 1, cols, rows: Math.max(1, rows - 1) };
    centred(canvas, box, [[['Terminal too small', { bold: true }]], [[`${cols}×${rows}; the deck needs at least ${MIN_COLS}×${MIN_ROWS}.`]]]);
    return canvas;
  }
  const tabs = tabsOf(state.panes, state);
  const selected = selectedPane(state);
  const key = (action: TuiAction) => keyMap.keysOf(action)[0] ?? action;
  const tabPanes = panesInTab(state.panes, state.tab);
  const root = tabRoot(
    tabPanes.map((pane) => pane.cwd),
    state.tab,
  );
  const cards = layout.cards.map((slot) => cardView(paneById(state, slot.paneId)!, slot.number, now, home, root));
  const numberOf = new Map(cardsOf(state).map((pane, i) => [pane.id, i + 1]));
  const tabLabel = tabs.find((t) => t.tab === state.tab)?.label ?? 'Dashboard';
  const paneState = (id: string) => (id !== selected?.id ? 'idle' : state.mode === 'typing' ? 'typing' : 'command');

  if (layout.tabBar) {
    const views = layout.tabs.map((t) => {
      const urgent = mostUrgent(panesInTab(state.panes, t.tab));
      return {
        label: t.label,
        active: t.tab === state.tab,
        colour: urgent && urgent.urgency >= 2 ? toneColour[urgent.tone] : null,
        closable: t.close !== null,
      };
    });
    place(layout.tabBar, [tabBarLine(views, layout.tabBar.cols)]);
  }
  const sidebar = layout.sidebar;
  place(sidebar, sidebarLines(tabLabel, cards, tabPanes.length, statsLine(tabPanes), layout.density, selected?.id ?? null, sidebar.cols), true);
  rule(canvas, layout.main.x - 1, layout.main.y, layout.main.rows);
  if (layout.panes.length === 0) {
    const configGenKeys = state.configHintDir && state.tab === null ? `${key('toggle_mode')} ${key('generate_config')}` : undefined;
    centred(canvas, layout.main, emptyStateLines(key('new_pane'), key('toggle_mode'), key('help'), configGenKeys));
  }
  for (const slot of layout.panes) {
    if (!slot.frame) continue;
    const frame = slot.frame;
    for (const { x, y, line } of paneFrameLines(frame.cols, frame.rows, paneState(slot.paneId))) canvas.line(frame.x - 1 + x, frame.y - 1 + y, line);
  }
  for (const slot of layout.panes) {
    const pane = paneById(state, slot.paneId)!;
    const number = numberOf.get(pane.id) ?? null;
    const label = `${number !== null && number <= 9 ? `${number} ` : ''}${pane.name}`;
    const detail = `${programName(pane.command)} · ${shortenPath(pane.cwd, home)}`;
    place(slot.title, [paneTitleLine(label, detail, paneState(pane.id), state.scroll[pane.id] ?? 0, key('focus_selected'), slot.title.cols)]);
  }
  for (const slot of layout.panes) {
    if (slot.title.x > layout.main.x && !slot.frame) rule(canvas, slot.title.x - 1, slot.title.y, slot.content.rows + 1);
  }
  place(layout.status, [statusLine(state.mode, statusHints(state, keyMap, tabs.length), journalStatus(state), layout.status.cols)]);
  return canvas;
}

/** DeckScreen's Rule: a grey vertical line (1-based x, y). */
function rule(canvas: Canvas, x: number, y: number, rows: number): void {
  for (let i = 0; i < rows; i++) canvas.line(x - 1, y - 1 + i, [['│', { fg: theme.muted }]], x);
}

/** A column box with alignItems and justifyContent centre: yoga floors a text's offsets. */
function centred(canvas: Canvas, box: Rect, lines: ReadonlyArray<readonly Segment[]>): void {
  if (lines.length > box.rows) throw new Uncovered('centred lines past their box');
  const top = Math.floor((box.rows - lines.length) / 2);
  lines.forEach((line, i) => {
    const width = textWidth(line.map(([text]) => text).join(''));
    if (width > box.cols) throw new Uncovered('a centred line Ink would wrap');
    const left = Math.floor((box.cols - width) / 2);
    canvas.line(box.x - 1 + left, box.y - 1 + top + i, line, box.x - 1 + box.cols);
  });
}
