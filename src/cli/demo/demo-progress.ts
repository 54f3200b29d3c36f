// Which steps of the demo's development loop an orchestration journal shows: the headless demo's
// verdict, and what is missing when the loop did not complete. Pure: journal entries in.
import type { JournalEntry } from '../../orchestration/journal-entry.js';

export interface DemoProgress {
  complete: boolean;
  /** The steps not (yet) in the journal, as sentences, in loop order. */
  missing: string[];
}

export function demoProgress(entries: readonly JournalEntry[]): DemoProgress {
  const at = (event: JournalEntry['event'], role?: string) =>
    entries.flatMap((entry, index) => (entry.event === event && (role === undefined || entry.role === role) ? [index] : []));
  const delegated = (role: string) => at('delegate', role);
  const completed = (role: string) => at('completed', role);
  const firstFinding = completed('reviewer')[0];
  const reviews = [delegated('reviewer')[0], delegated('auditor')[0]];
  const reports = [completed('reviewer')[0], completed('auditor')[0]];
  const fix = delegated('coder').find((index) => firstFinding !== undefined && index > firstFinding);
  const steps: Array<[string, boolean]> = [
    ['the orchestrator delegates the feature to the coder', delegated('coder').length > 0],
    ['the coder reports', completed('coder').length > 0],
    [
      'the reviewer and the auditor work in parallel (both delegated before either reports)',
      [...reviews, ...reports].every((index) => index !== undefined) && Math.max(...(reviews as number[])) < Math.min(...(reports as number[])),
    ],
    ['the reviewer reports its finding', reports[0] !== undefined],
    ['the auditor reports (after its question is answered)', reports[1] !== undefined],
    ['the orchestrator sends the finding back to the coder', fix !== undefined],
    ['the coder reports the fix', fix !== undefined && completed('coder').some((index) => index > fix)],
    ['release reports', completed('release').length > 0],
    ['the orchestrator finishes the run (work-done --done)', at('done').length > 0],
  ];
  const missing = steps.filter(([, ok]) => !ok).map(([step]) => step);
  return { complete: missing.length === 0, missing };
}
