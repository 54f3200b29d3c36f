// "Did you mean …?" for names a person typed: config keys, role names, actions.
// Pure; callers decide how to phrase the hint.

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, so the most
 * common typo (`claer` for `clear`) costs 1 instead of 2.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    const row = d[i]!;
    const prev = d[i - 1]!;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      row[j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/**
 * The candidate closest to `input`, or undefined when nothing is close enough to be a typo.
 * Up to a third of the longer name may differ (at least one edit), which catches `claer`,
 * `prompt_templte` and `worker_timeout_minutes` but does not turn `mode` into `name`.
 * Case is ignored, so `Clear` finds `clear`.
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const limit = Math.max(1, Math.floor(Math.max(needle.length, hay.length) / 3));
    const distance = editDistance(needle, hay);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
