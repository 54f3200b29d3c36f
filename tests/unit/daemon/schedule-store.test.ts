import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schedule } from '../../../src/config/schedule-schema.js';
import { loadSchedules, saveSchedules } from '../../../src/daemon/schedule-store.js';

const NIGHTLY: Schedule = {
  name: 'nightly',
  cron: '0 3 * * *',
  dir: '/src/app',
  action: { kind: 'command', command: 'npm run nightly' },
  overlap: 'skip',
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastRun: null,
};

describe('schedule store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sched-'));
    file = join(dir, 'state', 'schedules.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it saved, and starts empty without a file', () => {
    expect(loadSchedules(file)).toEqual({ schedules: [], problem: null });
    saveSchedules(file, [NIGHTLY]);
    expect(loadSchedules(file)).toEqual({ schedules: [NIGHTLY], problem: null });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, schedules: [NIGHTLY] });
  });

  it.each([
    ['not JSON', '{"version": 1, "schedules": ['],
    ['another version', JSON.stringify({ version: 2, schedules: [] })],
    ['a schedule with a bad name', JSON.stringify({ version: 1, schedules: [{ ...NIGHTLY, name: '../x' }] })],
  ])('sets aside a file that is %s and says where it went', (_name, text) => {
    saveSchedules(file, []);
    writeFileSync(file, text);
    const loaded = loadSchedules(file);
    expect(loaded.schedules).toEqual([]);
    expect(loaded.problem).toMatch(
      /^\/.+\/schedules\.json is not a schedules file this deck can read; it was moved to \/.+\/schedules\.json\.unreadable-\d+ and no schedules are loaded\.$/,
    );
    expect(readdirSync(join(dir, 'state')).filter((name) => name.startsWith('schedules.json.unreadable-'))).toHaveLength(1);
  });
});
