// The mouse where people expect it, in the built deck: a drag inside a pane selects text, draws
// the selection and copies it to the outer terminal's clipboard (OSC 52); the new-pane dialog's
// directory picker answers clicks and the wheel.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

const press = (x: number, y: number, shift = 0) => `\x1b[<${shift};${x};${y}M`;
const drag = (x: number, y: number, shift = 0) => `\x1b[<${32 + shift};${x};${y}M`;
const release = (x: number, y: number, shift = 0) => `\x1b[<${shift};${x};${y}m`;

describe('drag to copy', () => {
  it('a drag over two lines draws the selection, copies the characters with OSC 52 and says Copied', async () => {
    session = await openDeckSession();
    const { deck } = session;
    await session.newPane('text', ['bash', '--norc', '--noprofile', '-c', "printf 'alpha beta\\n漢字 delta\\n'; exec sleep 600"]);
    const screen = (await deck.waitForScreen('the pane shows its text', /alpha beta[\s\S]*漢字 delta/)).split('\n');
    const y = screen.findIndex((row) => row.includes('alpha beta'));
    const left = screen[y]!.indexOf('alpha beta'); // 0-based cell of "a"; no wide character before it
    // From the "b" of beta down to the "d" of delta: 漢字 and the space take five cells.
    deck.type(press(left + 7, y + 1) + drag(left + 3, y + 2) + drag(left + 6, y + 2) + release(left + 6, y + 2));
    await deck.waitForScreen('the status bar says Copied', /Copied 2 lines to the clipboard/);
    const expected = Buffer.from('beta\n漢字 d', 'utf8').toString('base64');
    expect(deck.output()).toContain(`\x1b]52;c;${expected}\x07`);
    const inverse = (row: number, col: number) => deck.term.buffer.active.getLine(row)!.getCell(col)!.isInverse() !== 0;
    const drawn = (row: number) => Array.from({ length: 12 }, (_, i) => (inverse(row, left + i) ? '#' : '.')).join('');
    // Row 1 from "b" to the pane's edge, row 2 up to and including "d". (Ink's frame with
    // "Copied" erases the panes and the painter redraws them right after: wait for that.)
    await deck.waitForScreen('the selection is drawn in reverse video', () => drawn(y) === '......######' && drawn(y + 1) === '######......');
    // A click elsewhere in the pane clears the selection.
    deck.type(press(left + 1, y + 4) + release(left + 1, y + 4));
    await deck.waitForScreen('the selection is gone', () => !inverse(y, left + 7) && !inverse(y + 1, left));
  });

  it('over a program that reads the mouse a drag goes to the program, and Shift+drag copies', async () => {
    session = await openDeckSession();
    const { deck } = session;
    // DECSET 1002 + 1006: the program asks for drags in SGR encoding, then prints what it gets.
    const program =
      "process.stdin.setRawMode(true);process.stdout.write('\\x1b[?1002h\\x1b[?1006hmouse here\\n');" +
      "process.stdin.on('data',(d)=>process.stdout.write('GOT '+JSON.stringify(d.toString('latin1'))+'\\n'));";
    await session.newPane('mouse', ['node', '-e', program]);
    const screen = (await deck.waitForScreen('the program is ready', /mouse here/)).split('\n');
    const y = screen.findIndex((row) => row.includes('mouse here'));
    const left = screen[y]!.indexOf('mouse here');
    deck.type('\r'); // type into the pane: its mouse reports go to it from now on
    await deck.waitForScreen('typing', / TYPING /);
    deck.type(press(left + 1, y + 1) + drag(left + 5, y + 1) + release(left + 5, y + 1));
    await deck.waitForScreen('the program got the drag', /GOT .*\[<32;5;1M/);
    deck.type(press(left + 7, y + 1, 4) + drag(left + 10, y + 1, 4) + release(left + 10, y + 1, 4));
    await deck.waitForScreen('the status bar says Copied', /Copied 4 characters to the clipboard/);
    expect(deck.output()).toContain(`\x1b]52;c;${Buffer.from('here').toString('base64')}\x07`);
    expect(deck.screen()).not.toMatch(/GOT .*\[<36;/);
  });
});

describe('the directory picker', () => {
  it('a double click opens a directory, the wheel moves the cursor, a click on the cursor row chooses', async () => {
    session = await openDeckSession();
    const project = session.dir('proj');
    for (const sub of ['alpha/inner', 'beta']) mkdirSync(join(project, sub), { recursive: true });
    session.deck.dispose();
    const deck = await session.reopen({ cwd: project });
    /** The 1-based cell of `text` on the screen (the picker's rows hold no wide characters). */
    const where = (screen: string, text: string) => {
      const rows = screen.split('\n');
      const y = rows.findIndex((row) => row.includes(text));
      return { x: rows[y]!.indexOf(text) + 2, y: y + 1 };
    };
    const click = ({ x, y }: { x: number; y: number }) => press(x, y) + release(x, y);

    deck.type('\x0e');
    const picker = await deck.waitForScreen('the picker lists the project', /› \.\/ {2}\(this directory\)[\s\S]*alpha\/[\s\S]*beta\//);
    const alpha = where(picker, 'alpha/');
    deck.type(click(alpha) + click(alpha));
    const inside = await deck.waitForScreen('the double click opened alpha', /~\/proj\/alpha\s[\s\S]*› \.\/ {2}\(this directory\)[\s\S]*inner\//);
    deck.type(`\x1b[<65;${alpha.x};${alpha.y}M`);
    await deck.waitForScreen('the wheel moved the cursor to inner', /› inner\//);
    const here = where(inside, './  (this directory)');
    deck.type(click(here));
    await deck.waitForScreen('the click moved the cursor back', /› \.\/ {2}\(this directory\)/);
    deck.type(click(here));
    await deck.waitForScreen('the second click chose alpha', /New pane in ~\/proj\/alpha/);
  });
});
