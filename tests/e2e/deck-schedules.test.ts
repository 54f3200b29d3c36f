// The Scheduled Tasks manager (`s`) in the built deck: the daemon's schedules with their next
// fire time, run now, disable, delete after a confirmation, and the add/edit form (directory
// picker, then name, cron, what to start) saved through the daemon, which refuses a bad cron.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeckSession, type DeckSession } from '../helpers/deck-session.js';
import { waitFor } from '../helpers/wait.js';

let session: DeckSession | null = null;

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('Scheduled Tasks manager', () => {
  it('lists schedules with their next fire time, runs one now, disables it and deletes it after y', { timeout: 60_000 }, async () => {
    session = await openDeckSession();
    await session.newPane('alpha');
    const dir = session.dir('nightly');
    await session.harness.ok(['schedule', 'add', 'nightly', '--cron', '0 3 * * *', '--command', "sh -c 'echo ran > ran.txt'", '-d', dir]);
    const { deck } = session;
    deck.type('s');
    await deck.waitForScreen(
      'the manager lists the schedule',
      /Scheduled Tasks[\s\S]*nightly {2}0 3 \* \* \* {2}next in \d+h(\d+m)? {2}not run yet {2}command sh -c/,
    );
    deck.type('r');
    await deck.waitForScreen('the run is reported', /nightly started: started p\d+ in tab schedule-nightly/);
    await waitFor('the scheduled command ran', () => existsSync(join(dir, 'ran.txt')));
    await deck.waitForScreen('the row shows the last run', /nightly {2}0 3 \* \* \* {2}next in [^\n]*last started/);
    deck.type('e');
    await deck.waitForScreen('the schedule is disabled', /nightly {2}0 3 \* \* \* {2}disabled/);
    deck.type('d');
    await deck.waitForScreen('the delete question', /Delete schedule nightly\? What its runs started stays\./);
    deck.type('n');
    await deck.waitForScreen('kept after n', (s) => /nightly {2}0 3/.test(s) && !/Delete schedule/.test(s));
    deck.type('d');
    deck.type('y');
    await deck.waitForScreen('deleted after y: the list is empty', (s) => /No schedules yet/.test(s) && /nightly deleted/.test(s));
    expect((JSON.parse(await session.harness.ok(['schedule', 'list', '--json'])) as { schedules: unknown[] }).schedules).toEqual([]);
    deck.type('\x1b');
    await deck.waitForScreen('the manager closes', (s) => !/Scheduled Tasks/.test(s));
  });

  it('adds a schedule through the form and edits its cron', { timeout: 60_000 }, async () => {
    session = await openDeckSession();
    const dir = session.dir('sched-add');
    const { deck } = session;
    deck.type('s');
    await deck.waitForScreen('the empty manager', /No schedules yet: a adds one/);
    deck.type('a');
    await deck.waitForScreen('the directory picker', /New schedule: choose its directory[\s\S]*sched-add\//);
    deck.type('/sched-add');
    await deck.waitForScreen('the filter narrows the picker', /\/sched-add/);
    deck.type('\r');
    deck.type(' ');
    await deck.waitForScreen('the form in the chosen directory', /New schedule in ~\/sched-add[\s\S]*Name[\s\S]*Cron +0 3 \* \* \*/);
    deck.type('tick\t\t');
    await deck.waitForScreen('on the Start field', /› Start +‹ orchestration ›/);
    deck.type('l\t');
    await deck.waitForScreen('on the Command field', /Start +‹ one command ›[\s\S]*› Command/);
    deck.type("sh -c 'echo hi'");
    await deck.waitForScreen('the command typed', /› Command +sh -c 'echo hi'/);
    deck.type('\r');
    await deck.waitForScreen(
      'the list shows the new schedule with its next fire time',
      (s) => /tick {2}0 3 \* \* \* {2}next in \d+h(\d+m)? {2}not run yet {2}command sh -c 'echo hi'/.test(s) && /tick added/.test(s),
    );
    expect(schedules(await session.harness.ok(['schedule', 'list', '--json']))).toEqual([
      expect.objectContaining({
        name: 'tick',
        cron: '0 3 * * *',
        dir,
        action: { kind: 'command', command: "sh -c 'echo hi'" },
        overlap: 'skip',
        enabled: true,
      }),
    ]);
    deck.type('u');
    await deck.waitForScreen('the picker starts in its directory', /Edit schedule tick: choose its directory[\s\S]*~\/sched-add/);
    deck.type('\r');
    await deck.waitForScreen('the form is prefilled', /Edit schedule tick in ~\/sched-add[\s\S]*› Cron +0 3 \* \* \*[\s\S]*Command +sh -c 'echo hi'/);
    deck.type('\x15*/5 * * * *');
    await deck.waitForScreen('the new cron typed', /› Cron +\*\/5 \* \* \* \*/);
    deck.type('\r');
    await deck.waitForScreen(
      'the row shows the new cron and a fire time within five minutes',
      (s) => /tick {2}\*\/5 \* \* \* \* {2}next in ([1-5]m|<1m) {2}not run yet {2}command sh -c/.test(s) && /tick updated/.test(s),
    );
    expect(schedules(await session.harness.ok(['schedule', 'list', '--json']))).toEqual([expect.objectContaining({ name: 'tick', cron: '*/5 * * * *', dir })]);
  });

  it('shows the daemon refusing a bad cron in the form and adds nothing', { timeout: 60_000 }, async () => {
    session = await openDeckSession();
    session.dir('sched-bad');
    const { deck } = session;
    deck.type('s');
    await deck.waitForScreen('the empty manager', /No schedules yet/);
    deck.type('a');
    await deck.waitForScreen('the directory picker', /New schedule: choose its directory[\s\S]*sched-bad\//);
    deck.type('/sched-bad');
    await deck.waitForScreen('the filter narrows the picker', /\/sched-bad/);
    deck.type('\r');
    deck.type(' ');
    await deck.waitForScreen('the form', /New schedule in ~\/sched-bad/);
    deck.type('bad\t\x15every day\tl\ttrue');
    await deck.waitForScreen('the bad cron typed, running one command', /Cron +every day[\s\S]*› Command +true/);
    deck.type('\r');
    await deck.waitForScreen(
      "the daemon's sentence under the form, which stays open",
      (s) =>
        /New schedule in ~\/sched-bad/.test(s) &&
        /The schedule "every day" is not a schedule croner accepts/.test(s) &&
        /five[\s│]+fields: minute hour/.test(s),
    );
    expect(schedules(await session.harness.ok(['schedule', 'list', '--json']))).toEqual([]);
    deck.type('\x1b');
    await deck.waitForScreen('Esc cancels back to the empty list', (s) => /No schedules yet/.test(s) && !/New schedule in/.test(s));
    expect(schedules(await session.harness.ok(['schedule', 'list', '--json']))).toEqual([]);
  });
});

function schedules(json: string): unknown[] {
  return (JSON.parse(json) as { schedules: unknown[] }).schedules;
}
