// The TUI side of orchestrations: the new-pane form's Mode field opens one, and `t` shows the
// current orchestration tab's timeline.
import { describe, expect, it } from 'vitest';
import { update } from '../../../../src/tui/state/deck-reducer.js';
import { dirInspected, dirListed, newPaneInput, openNewPane, type NewPaneDialog } from '../../../../src/tui/state/dialogs/new-pane-dialog.js';
import type { KeyEvent } from '../../../../src/tui/input/input-event.js';
import { deck, keys, pane, P } from './fixtures.js';

const key = (name: string) => ({ kind: 'key', key: name }) as KeyEvent;

/** The form for /work/app after Space chose the directory and the inspection answered. */
function form(orchestrations: string[]): NewPaneDialog {
  const picked = newPaneInput(dirListed(openNewPane('/work/app').dialog!, '/work/app', [], null), key('space'), 'bash').dialog!;
  return dirInspected(picked, '/work/app', [], orchestrations);
}

describe('new-pane form: orchestrations in the Mode field', () => {
  it('offers the directory\'s orchestrations after "no mode"', () => {
    const dialog = form(['dev-flow', 'research']);
    expect(dialog.step === 'form' && dialog.form.modes).toEqual(['', 'orchestration: dev-flow', 'orchestration: research']);
  });

  it('opens the chosen orchestration on Enter instead of creating one pane', () => {
    let dialog: NewPaneDialog | null = form(['dev-flow', 'research']);
    for (const name of ['shift+tab', 'right', 'right']) dialog = newPaneInput(dialog!, key(name), 'bash').dialog;
    const step = newPaneInput(dialog!, key('enter'), 'bash');
    expect(step).toEqual({ dialog: null, effects: [{ type: 'open-orchestration', cwd: '/work/app', orchestration: 'research' }] });
  });

  it("starts on the orchestration marked default = true, and a later answer keeps the person's choice", () => {
    const picked = newPaneInput(dirListed(openNewPane('/work/app').dialog!, '/work/app', [], null), key('space'), 'bash').dialog!;
    const dialog = dirInspected(picked, '/work/app', [], ['dev-flow', 'research'], 'research');
    expect(dialog.step === 'form' && dialog.form.modes[dialog.form.modeIndex]).toBe('orchestration: research');
    const again = dirInspected(dialog, '/work/app', [], ['dev-flow', 'research'], 'dev-flow');
    expect(again.step === 'form' && again.form.modes[again.form.modeIndex]).toBe('orchestration: research');
  });

  it('still creates a plain pane with no mode chosen', () => {
    const step = newPaneInput(form(['dev-flow']), key('enter'), 'bash');
    expect(step.effects).toEqual([{ type: 'create-pane', cwd: '/work/app', name: 'app', command: 'bash' }]);
  });
});

describe('timeline key', () => {
  it("asks the daemon for the current orchestration tab's timeline, then shows it", () => {
    const withRoles = deck({
      panes: [...P.slice(0, 3), pane('p4', { tab: 'dev-flow', role: 'orchestrator' }), pane('p5', { tab: 'dev-flow', role: 'coder' })],
      tab: 'dev-flow',
    });
    const opened = update(withRoles, { type: 'action', action: 'timeline' }, keys);
    expect(opened.state.dialog).toEqual({ kind: 'timeline', tab: 'dev-flow', lines: null, error: null });
    expect(opened.effects).toEqual([{ type: 'load-timeline', tab: 'dev-flow' }]);
    const loaded = update(
      opened.state,
      { type: 'timeline-loaded', tab: 'dev-flow', lines: ['02:13 orchestrator → coder  delivered in 1.2 s'], error: null },
      keys,
    );
    expect(loaded.state.dialog).toMatchObject({ kind: 'timeline', lines: ['02:13 orchestrator → coder  delivered in 1.2 s'] });
    const withSummary = update(
      opened.state,
      { type: 'timeline-loaded', tab: 'dev-flow', lines: [], error: null, summary: ['What waits for you now (since when)'] },
      keys,
    );
    expect(withSummary.state.dialog).toMatchObject({ kind: 'timeline', summary: ['What waits for you now (since when)'] });
    expect(update(loaded.state, { type: 'dialog-input', event: key('q') }, keys).state.dialog).toBeNull();
  });

  it('explains itself on a tab that is not an orchestration', () => {
    const result = update(deck(), { type: 'action', action: 'timeline' }, keys);
    expect(result.state.dialog).toBeNull();
    expect(result.state.message?.text).toBe('The timeline belongs to an orchestration tab: switch to one first');
    expect(result.effects).toEqual([]);
  });
});
