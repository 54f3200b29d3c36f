import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { DEFAULT_KEYBINDINGS } from '../../../../src/config/keybindings.js';
import { CloseDialog, QuitDialog } from '../../../../src/tui/components/dialogs/ChoiceDialogs.js';
import { fitLine } from '../../../../src/tui/components/dialogs/DialogFrame.js';
import { HelpDialog } from '../../../../src/tui/components/dialogs/HelpDialog.js';
import { NewPaneDialog } from '../../../../src/tui/components/dialogs/NewPaneDialog.js';
import { RenameDialog } from '../../../../src/tui/components/dialogs/RenameDialog.js';
import { TimelineDialog } from '../../../../src/tui/components/dialogs/TimelineDialog.js';
import { buildKeyMap } from '../../../../src/tui/input/key-map.js';
import { dirListed, openNewPane, newPaneInput } from '../../../../src/tui/state/dialogs/new-pane-dialog.js';
import { emptyField } from '../../../../src/tui/state/text-field.js';
import { helpSections } from '../../../../src/tui/view/help-lines.js';
import { plain } from './plain.js';

const rows = (frame: string | undefined) => plain(frame).split('\n');

const plainRender = (...args: Parameters<typeof render>) => ({ lastFrame: () => plain(render(...args).lastFrame()) });

describe('dialogs', () => {
  it('fill every cell of their box, so nothing beneath shows through', () => {
    const frame = plainRender(<QuitDialog choice="detach" panes={2} width={60} height={8} />).lastFrame() ?? '';
    expect(rows(frame)).toHaveLength(8);
    for (const row of rows(frame)) expect([...row]).toHaveLength(60);
  });

  it('quit offers Detach, Stop all and Cancel', () => {
    const frame = plainRender(<QuitDialog choice="detach" panes={2} width={60} height={8} />).lastFrame() ?? '';
    expect(frame).toContain('the 2 panes keep running');
    expect(frame).toContain('[ Detach ]  [ Stop all ]  [ Cancel ]');
  });

  it('on a deck over several hosts, Stop all names the hosts it stops and those it cannot reach', () => {
    const hosts = { stops: ['local', 'box'], unreachable: ['gpu'] };
    const ask = plainRender(<QuitDialog choice="detach" panes={3} hosts={hosts} width={60} height={8} />).lastFrame() ?? '';
    expect(ask).toContain('running on every host');
    const confirm = plainRender(<QuitDialog choice="cancel" panes={3} hosts={hosts} confirmStop width={60} height={9} />).lastFrame() ?? '';
    expect(confirm).toContain('Stop every agent on local, box?');
    expect(confirm).toContain('left running: gpu');
    expect(confirm).toContain('[ Stop all ]  [ Cancel ]');
  });

  it('close names the pane and its command', () => {
    const frame = plainRender(<CloseDialog name="api" command="claude" confirm={false} width={60} height={8} />).lastFrame() ?? '';
    expect(frame).toContain('Close pane "api"?');
    expect(frame).toContain('This stops claude');
  });

  it('rename shows the field', () => {
    const frame = plainRender(<RenameDialog name="api" field={emptyField('server')} width={60} height={6} />).lastFrame() ?? '';
    expect(frame).toContain('Name: server');
  });

  it('help lists the keys of the active key map', () => {
    const keyMap = buildKeyMap({ ...DEFAULT_KEYBINDINGS, help: ['f1'] });
    const frame = plainRender(<HelpDialog sections={helpSections(keyMap)} width={72} height={34} />).lastFrame() ?? '';
    expect(frame).toContain('Anywhere, even while typing');
    expect(frame).toMatch(/ctrl\+d\s+Switch between typing/);
    expect(frame).toMatch(/f1\s+Show the keys/);
    expect(frame).toMatch(/1–9\s+Type into card N/);
  });

  it('the directory picker shows where it is and the subdirectories', () => {
    const dialog = dirListed(openNewPane('/home/me/src').dialog!, '/home/me/src', ['api', 'web'], null);
    const frame = plainRender(<NewPaneDialog dialog={dialog} home="/home/me" width={60} height={14} />).lastFrame() ?? '';
    expect(frame).toContain('~/src');
    expect(frame).toContain('› ./  (this directory)');
    expect(frame).toContain('api/');
    expect(frame).toContain('web/');
  });

  it('the form shows mode, name and command', () => {
    const picked = dirListed(openNewPane('/home/me/src').dialog!, '/home/me/src', [], null);
    const form = newPaneInput(picked, { kind: 'key', key: 'space', raw: Buffer.from(' ') }, 'claude').dialog!;
    const frame = plainRender(<NewPaneDialog dialog={form} home="/home/me" width={60} height={14} />).lastFrame() ?? '';
    expect(frame).toContain('New pane in ~/src');
    expect(frame).toMatch(/Mode\s+no mode/);
    expect(frame).toMatch(/› Name\s+src/);
    expect(frame).toMatch(/Command\s+claude/);
  });
});

describe('timeline dialog', () => {
  const summary = [
    'What waits for you now (since when)',
    '  blocked     07:00  dev/coder: usage limit · resets 08:30',
    '  role           tasks done',
    '  coder              3    2',
  ];
  const steps = Array.from({ length: 40 }, (_, i) => `02:${String(i).padStart(2, '0')} step ${i}`);

  it('opens with the morning summary, then the newest steps', () => {
    const lines = rows(plainRender(<TimelineDialog tab="dev" lines={steps} error={null} summary={summary} width={80} height={20} />).lastFrame());
    const text = lines.join('\n');
    expect(text.indexOf('What waits for you now')).toBeLessThan(text.indexOf('Steps'));
    expect(text).toContain('dev/coder: usage limit · resets 08:30');
    expect(text).toContain('02:39 step 39');
    expect(text).not.toContain('02:20 step 20');
    expect(lines).toHaveLength(20);
  });

  it('keeps half the rows for steps, however long the summary', () => {
    const long = Array.from({ length: 30 }, (_, i) => `summary ${i}`);
    const text = rows(plainRender(<TimelineDialog tab="dev" lines={steps} error={null} summary={long} width={80} height={20} />).lastFrame()).join('\n');
    expect(text).toContain('summary 6');
    expect(text).not.toContain('summary 7');
    expect(text).toContain('02:39 step 39');
  });

  it('shows the steps alone without a summary (an older daemon)', () => {
    const text = rows(plainRender(<TimelineDialog tab="dev" lines={steps.slice(0, 2)} error={null} summary={[]} width={80} height={12} />).lastFrame()).join(
      '\n',
    );
    expect(text).not.toContain('Steps');
    expect(text).toContain('02:01 step 1');
  });
});

describe('fitLine', () => {
  it.each<[string, number, string]>([
    ['short', 8, 'short   '],
    ['exactly8', 8, 'exactly8'],
    ['far too long', 8, 'far too…'],
    ['漢字漢字漢字', 8, '漢字漢… '],
  ])('%j in %i cells', (text, width, expected) => {
    expect(
      fitLine([{ text }], width)
        .map((s) => s.text)
        .join(''),
    ).toBe(expected);
  });
});
