// The Scheduled Tasks manager (`s`) in the built deck: the daemon's schedules with their next
// fire time, run now, disable, and delete after a confirmation.
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
});
