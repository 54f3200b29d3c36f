// Where everything goes on the terminal, as one pure function of the terminal size and the deck
// state. Ink components size their boxes from it and the painter takes its pane rectangles from
// it, so the chrome and the panes can never disagree about a cell.
import type { PaneRect } from '../input/pane-encoding.js';
import type { DeckState } from '../state/deck-state.js';
import { cardsOf, selectedPane, tabsOf, visiblePanes } from '../state/selectors.js';
import { CARD_HEIGHT, chooseDensity, SIDEBAR_HEADER_ROWS, type CardDensity } from './card-density.js';
import { fit, textWidth } from '../view/format.js';
import { tabLabelWidths, tabOverhead } from './tab-widths.js';
import { isModeTab, modeOrder, modeSlots } from './mode-layout.js';

/** 1-based top-left cell and size. */
export type Rect = PaneRect;

/** Below this the deck says the terminal is too small instead of drawing a garbled screen. */
export const MIN_COLS = 60;
export const MIN_ROWS = 12;

export interface PaneSlot {
  paneId: string;
  /** A mode's tab frames each pane: the box drawn around title and content. */
  frame?: Rect;
  title: Rect;
  content: Rect;
}

export interface CardSlot {
  paneId: string;
  /** 1–9 for the first nine cards of the tab. */
  number: number;
  rect: Rect;
}

export interface TabSlot {
  tab: string | null;
  /** The label as drawn: cut to the tab's fair share of the bar. */
  label: string;
  rect: Rect;
  /** The tab's × (closes the whole tab); none on the Dashboard. */
  close: Rect | null;
}

export interface DeckLayout {
  cols: number;
  /** Rows Ink may draw: one less than the terminal (ARCHITECTURE.md §3.2). */
  rows: number;
  tooSmall: boolean;
  tabBar: Rect | null;
  tabs: TabSlot[];
  sidebar: Rect;
  density: CardDensity;
  cards: CardSlot[];
  main: Rect;
  panes: PaneSlot[];
  status: Rect;
  dialog: Rect | null;
}

const rect = (x: number, y: number, cols: number, rows: number): Rect => ({ x, y, cols: Math.max(0, cols), rows: Math.max(0, rows) });

export function sidebarWidth(cols: number): number {
  return cols >= 100 ? 32 : 26;
}

export function computeLayout(termCols: number, termRows: number, state: DeckState): DeckLayout {
  const cols = termCols;
  const rows = Math.max(1, termRows - 1);
  const tooSmall = cols < MIN_COLS || termRows < MIN_ROWS;
  const tabList = tabsOf(state.panes, state);
  const top = tabList.length > 1 ? 2 : 1;
  const tabBar = tabList.length > 1 ? rect(1, 1, cols, 1) : null;
  const status = rect(1, rows, cols, 1);
  const bodyRows = rows - top;
  const sideCols = sidebarWidth(cols);
  const sidebar = rect(1, top, sideCols, bodyRows);
  const main = rect(sideCols + 2, top, cols - sideCols - 1, bodyRows);
  const base = { cols, rows, tooSmall, tabBar, status, sidebar, main };
  if (tooSmall) return { ...base, tabs: [], density: 'line', cards: [], panes: [], dialog: null };

  const tabs = tabSlots(tabList, cols);
  const cardRows = sidebar.rows - SIDEBAR_HEADER_ROWS;
  const cardList = cardsOf(state);
  const density = chooseDensity(cardList.length, cardRows);
  const cards = cardSlots(
    state,
    cardList.map((p) => p.id),
    density,
    sidebar,
  );
  const panes = isModeTab(state.panes, state.tab)
    ? modeSlots(modeOrder(visiblePanes(state)), selectedPane(state)?.id ?? null, main)
    : paneSlots(
        visiblePanes(state).map((p) => p.id),
        main,
      );
  return { ...base, tabs, density, cards, panes, dialog: dialogRect(state, cols, rows) };
}

function tabSlots(tabList: ReturnType<typeof tabsOf>, cols: number): TabSlot[] {
  const widths = tabLabelWidths(
    tabList.map(({ tab, label }) => ({ length: textWidth(label), closable: tab !== null })),
    cols,
  );
  let x = 1;
  return tabList.map(({ tab, label }, i) => {
    const shown = fit(label, widths[i]!);
    const cols = textWidth(shown) + tabOverhead(tab !== null) - 1;
    const slot = { tab, label: shown, rect: rect(x, 1, cols, 1), close: tab === null ? null : rect(x + cols - 2, 1, 1, 1) };
    x += cols + 1;
    return slot;
  });
}

/** Cards below the sidebar's header rows; a window around the selection when they do not fit. */
function cardSlots(state: DeckState, ids: string[], density: CardDensity, sidebar: Rect): CardSlot[] {
  const height = CARD_HEIGHT[density];
  const capacity = Math.max(1, Math.floor((sidebar.rows - SIDEBAR_HEADER_ROWS) / height));
  const selected = selectedPane(state);
  const selectedIndex = Math.max(0, ids.indexOf(selected?.id ?? ''));
  const first = Math.min(Math.max(0, selectedIndex - capacity + 1), Math.max(0, ids.length - capacity));
  return ids.slice(first, first + capacity).map((paneId, i) => ({
    paneId,
    number: first + i + 1,
    rect: rect(sidebar.x, sidebar.y + SIDEBAR_HEADER_ROWS + i * height, sidebar.cols, height),
  }));
}

/** One pane fills the area; several share a grid, each with a title row above its content. */
function paneSlots(ids: string[], main: Rect): PaneSlot[] {
  if (ids.length === 0) return [];
  const gridCols = ids.length === 1 ? 1 : ids.length <= 4 ? 2 : 3;
  const gridRows = Math.ceil(ids.length / gridCols);
  const slots: PaneSlot[] = [];
  for (let r = 0; r < gridRows; r++) {
    const inRow = ids.slice(r * gridCols, (r + 1) * gridCols);
    const y = main.y + Math.floor((main.rows * r) / gridRows);
    const height = main.y + Math.floor((main.rows * (r + 1)) / gridRows) - y;
    // Columns are separated by one cell where Ink draws a rule.
    const usable = main.cols - (inRow.length - 1);
    inRow.forEach((paneId, c) => {
      const x = main.x + Math.floor((usable * c) / inRow.length) + c;
      const width = main.x + Math.floor((usable * (c + 1)) / inRow.length) + c - x;
      slots.push({ paneId, title: rect(x, y, width, 1), content: rect(x, y + 1, width, height - 1) });
    });
  }
  return slots;
}

function centred(cols: number, rows: number, width: number, height: number): Rect {
  const w = Math.min(width, cols - 2);
  const h = Math.min(height, rows - 2);
  return rect(Math.floor((cols - w) / 2) + 1, Math.floor((rows - h) / 2) + 1, w, h);
}

/** The box a dialog draws over the screen; the painter leaves it alone. */
function dialogRect(state: DeckState, cols: number, rows: number): Rect | null {
  const dialog = state.dialog;
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'quit':
      // Over several hosts Stop all also names the hosts it cannot reach: one line more.
      return centred(cols, rows, 60, state.hosts.length > 0 ? 9 : 8);
    case 'close':
      return centred(cols, rows, 60, 8);
    case 'generate-config':
      return centred(cols, rows, 100, 10);
    case 'rename':
      return centred(cols, rows, 60, 6);
    case 'help':
      return centred(cols, rows, 72, rows - 2);
    case 'timeline':
    case 'schedules':
      return centred(cols, rows, 96, rows - 2);
    case 'new-pane':
      return centred(cols, rows, 84, Math.min(24, rows - 2));
    case 'daemon-mismatch':
      return centred(cols, rows, 100, 15);
    case 'filter':
      return null;
  }
}
