// What a workspace mode's panes run, as values: the command line of a persistent pane, of a
// reactive pane for an agent's command, which rule matched, which pool slot it takes, and its
// title. No I/O: the mode service applies these to real panes.
import type { WorkspaceModePane, WorkspaceModeRule } from '../config/project-schema.js';
import { compileRulePattern } from '../config/project-fields.js';
import type { PaneModePart } from '../protocol/messages.js';
import type { ShellCommand } from '../protocol/pane-status.js';
import { parseCommandLine, quoteCommandLine } from '../pty/command-line.js';

/** The docs' defaults: a persistent pane re-runs every 10 s, a watched rule every 5 s. */
export const PANE_WATCH_SECONDS = 10;
export const RULE_WATCH_SECONDS = 5;

/** The deck's own program: every pane finds it first on its PATH (daemon/cli-launcher.ts). */
const DECK_PROGRAM = 'dot-agent-deck';

function watched(argv: readonly string[], seconds: number): string {
  return quoteCommandLine([DECK_PROGRAM, 'watch', '--interval', String(seconds), '--', ...argv]);
}

/** A persistent pane's command line: the person's command as written in the project file, run
 *  again every 10 s through `dot-agent-deck watch` (as argv; shell syntax through `shell -c`). */
export function persistentCommand(pane: WorkspaceModePane, shell: string): string {
  if (!pane.watch) return pane.command;
  const line = parseCommandLine(pane.command);
  return watched(line.kind === 'argv' ? line.argv : [shell, '-c', pane.command], PANE_WATCH_SECONDS);
}

/** What a reactive pane runs for the agent's command: its script given whole to the shell as
 *  one argument (never re-split, never expanded by the deck), or its argv as it is. */
export function reactiveCommand(command: ShellCommand, rule: WorkspaceModeRule, shell: string): string {
  const argv = command.kind === 'script' ? [shell, '-c', command.script] : command.argv;
  return rule.watch ? watched(argv, rule.interval ?? RULE_WATCH_SECONDS) : quoteCommandLine(argv);
}

/** The first rule whose pattern matches the command line, or null. */
export function matchingRule(rules: readonly WorkspaceModeRule[], line: string): WorkspaceModeRule | null {
  for (const rule of rules) {
    try {
      if (compileRulePattern(rule.pattern).test(line)) return rule;
    } catch {
      // The schema refuses patterns that do not compile; a file edited since is read again next time.
    }
  }
  return null;
}

export interface ReactiveSlot {
  paneId: string;
  mode: PaneModePart;
}

export type SlotChoice = { kind: 'new'; slot: number } | { kind: 'reuse'; paneId: string; slot: number };

/** A free slot while the pool is not full, otherwise the slot whose command started longest ago. */
export function chooseSlot(pool: readonly ReactiveSlot[], capacity: number): SlotChoice {
  if (pool.length < capacity) {
    const used = new Set(pool.map((pane) => pane.mode.slot));
    let slot = 0;
    while (used.has(slot)) slot++;
    return { kind: 'new', slot };
  }
  const oldest = [...pool].sort((a, b) => (a.mode.ranAt ?? '').localeCompare(b.mode.ranAt ?? '') || a.mode.slot - b.mode.slot)[0]!;
  return { kind: 'reuse', paneId: oldest.paneId, slot: oldest.mode.slot };
}

const MAX_TITLE_COMMAND = 60;

/** A reactive pane's title: the command on one line, cut to fit, and the time it ran (HH:MM:SS). */
export function reactiveTitle(line: string, at: Date): string {
  const oneLine = line.replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > MAX_TITLE_COMMAND ? `${oneLine.slice(0, MAX_TITLE_COMMAND - 1)}…` : oneLine;
  const time = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${cut} · ${time}`;
}
