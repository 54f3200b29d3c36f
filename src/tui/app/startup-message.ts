// What the deck says when it opens, if the user's config files have problems: the deck still
// starts (with defaults), and the first problem is named so it can be fixed.
import { formatIssue, type ConfigIssue } from '../../config/config-issue.js';

export function startupMessage(files: ReadonlyArray<{ errors: readonly ConfigIssue[]; warnings: readonly ConfigIssue[] }>): string | null {
  for (const file of files) {
    const first = file.errors[0];
    if (first) return `${formatIssue({ ...first, snippet: undefined })} (using defaults; run \`dot-agent-deck validate\`)`;
  }
  for (const file of files) {
    const first = file.warnings[0];
    if (first) return formatIssue({ ...first, snippet: undefined });
  }
  return null;
}
