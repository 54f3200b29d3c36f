// How much each card shows, chosen so that up to nine cards fit the sidebar without scrolling.

export type CardDensity = 'roomy' | 'normal' | 'compact' | 'line';

/** Rows a card takes at each density, most detailed first. */
export const CARD_HEIGHT: Readonly<Record<CardDensity, number>> = { roomy: 5, normal: 3, compact: 2, line: 1 };

/** Rows above the cards: the header (tab and count) and the stats bar. */
export const SIDEBAR_HEADER_ROWS = 2;

const DENSITIES: readonly CardDensity[] = ['roomy', 'normal', 'compact', 'line'];

/** The most detailed density at which `count` cards (at most nine considered) fit `rows`. */
export function chooseDensity(count: number, rows: number): CardDensity {
  const shown = Math.min(Math.max(count, 1), 9);
  return DENSITIES.find((density) => shown * CARD_HEIGHT[density] <= rows) ?? 'line';
}
