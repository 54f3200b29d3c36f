// The one sentence the deck says when an orchestration's journal cannot be written: the same on
// the deck's status bar and under `ls`, so a person who saw one recognises the other.

/** `problem` is PaneInfo.journalProblem (".dot-agent-deck/journal.jsonl is a directory, …"). */
export function journalWarning(problem: string): string {
  return `journal not written: ${problem} — \`dot-agent-deck log\` will miss events`;
}
