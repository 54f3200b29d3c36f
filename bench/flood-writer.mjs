// The program each pane of the flood-control benchmark runs: waits for a start file, then writes
// coloured text with cursor motion, line erases, progress-bar overwrites, wide characters and
// title changes as fast as the terminal takes it for `ms` milliseconds, records how many bytes it
// wrote, and stays alive (idle) so the pane keeps its screen and scrollback.
//
//   node bench/flood-writer.mjs START_FILE MS SEED
//
// The text comes from a seeded generator, so the deck and tmux receive the same streams.
import { existsSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';

const [startFile, msArg, seedArg] = process.argv.slice(2);
const ms = Number(msArg);
let seed = Number(seedArg) * 2654435761 + 1;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (items) => items[Math.floor(random() * items.length)];

const WORDS = [
  'compiling',
  'module',
  'warning:',
  'error',
  'ok',
  'test',
  'passed',
  'FAILED',
  'src/daemon/server.ts',
  'réseau',
  '中文字符',
  'naïve',
  '→',
  '✔',
  '…',
  'retrying',
  'fetch',
  '200',
  '404',
  'GET',
  '/api/v1/items',
];

function line(i) {
  const parts = [];
  for (let w = 0; w < 6 + Math.floor(random() * 14); w++) {
    const style = pick([
      () => `\x1b[${30 + Math.floor(random() * 8)}m`,
      () => `\x1b[38;5;${Math.floor(random() * 256)}m`,
      () => `\x1b[38;2;${Math.floor(random() * 256)};${Math.floor(random() * 256)};${Math.floor(random() * 256)}m`,
      () => '\x1b[1m',
      () => '\x1b[4m',
      () => '',
    ])();
    parts.push(`${style}${pick(WORDS)}\x1b[0m`);
  }
  let text = `${String(i).padStart(7, '0')} ${parts.join(' ')}`;
  const r = random();
  if (r < 0.05)
    text = `\r\x1b[K[${'#'.repeat(Math.floor(random() * 40))}${' '.repeat(10)}] ${Math.floor(random() * 100)}%`; // a progress bar redrawn in place
  else if (r < 0.08)
    text = `\x1b[2A\x1b[K${text}\x1b[2B`; // rewrite a line above
  else if (r < 0.09) text = `\x1b]0;flood ${i}\x07${text}`; // a title change, as agents animate theirs
  return `${text}\r\n`;
}

// ~256 KB of distinct lines, written round-robin in chunks of 4–16 KB.
const pool = [];
let size = 0;
for (let i = 0; size < 256 * 1024; i++) {
  const l = line(i);
  pool.push(l);
  size += Buffer.byteLength(l);
}
const text = Buffer.from(pool.join(''));

while (!existsSync(startFile)) await new Promise((resolve) => setTimeout(resolve, 50));
const end = Date.now() + ms;
let written = 0;
let offset = 0;
while (Date.now() < end) {
  const length = 4096 + Math.floor(random() * 12288);
  let chunk = text.subarray(offset, offset + length);
  offset += length;
  if (offset >= text.length) offset = 0;
  if (chunk.length === 0) chunk = text.subarray(0, length);
  written += chunk.length;
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}
process.stdout.write('\x1b[0m\r\nFLOOD-DONE\r\n');
writeFileSync(`${startFile}.bytes.${seedArg}`, String(written));
setInterval(() => undefined, 1 << 30);
