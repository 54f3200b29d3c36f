// The help overlay: every key of the active key map, grouped by where it works.
import type { HelpSection } from '../../view/help-lines.js';
import { pad } from '../../view/format.js';
import { theme } from '../../view/theme.js';
import { DialogFrame, line, type DialogLine } from './DialogFrame.js';

export function HelpDialog({ sections, width, height }: { sections: readonly HelpSection[]; width: number; height: number }) {
  const keyWidth = Math.min(24, Math.max(...sections.flatMap((s) => s.rows.map((r) => r.keys.length))) + 2);
  const lines: DialogLine[] = [];
  for (const section of sections) {
    if (lines.length > 0) lines.push([]);
    lines.push(line(section.title, { bold: true }));
    for (const row of section.rows) lines.push([{ text: pad(`  ${row.keys}`, keyWidth), color: theme.accent }, { text: row.what }]);
  }
  return <DialogFrame title="Keys" lines={lines} footer="any key closes" width={width} height={height} />;
}
