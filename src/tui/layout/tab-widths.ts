// How the tab bar shares its width: every tab gets a fair share, a short label keeps only what it
// needs and leaves the rest to the long ones (water filling), so one long orchestration name can
// never push the other tabs off the bar. Pure.

/** Cells around a label: a space each side, the gap to the next tab, and " ×" on a closable tab. */
export function tabOverhead(closable: boolean): number {
  return 3 + (closable ? 2 : 0);
}

/** The cells each label may use, in order; at least 1 each while the bar has room for it. */
export function tabLabelWidths(labels: readonly { length: number; closable: boolean }[], width: number): number[] {
  let room = width - labels.reduce((sum, tab) => sum + tabOverhead(tab.closable), 0);
  const widths = labels.map(() => 0);
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.length - labels[b]!.length);
  let left = order.length;
  for (const i of order) {
    const share = Math.max(1, Math.floor(room / left));
    widths[i] = Math.max(1, Math.min(labels[i]!.length, share));
    room -= widths[i]!;
    left -= 1;
  }
  return widths;
}
