// Token use of a Claude Code session from its `transcript_path` JSONL, read incrementally: each
// refresh reads only bytes appended since the last one, at most MAX_READ_BYTES, so a long session's
// 800 MB transcript is never read again (a peer burned 492 % CPU doing that, issue #6).
import { open, stat } from 'node:fs/promises';
import type { TokenUsage } from '../protocol/pane-status.js';

/** Most bytes one refresh reads; older bytes of a bigger jump are skipped (counted as unknown). */
const MAX_READ_BYTES = 256 * 1024;
/** Message ids remembered to count each message once (Claude writes one line per content block). */
const MAX_SEEN_IDS = 2000;

interface UsageFields {
  input_tokens?: unknown;
  output_tokens?: unknown;
  cache_read_input_tokens?: unknown;
  cache_creation_input_tokens?: unknown;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

export class TranscriptTokens {
  usage: TokenUsage = { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };
  private offset = 0;
  private partial = '';
  private readonly seen = new Set<string>();
  private running: Promise<void> | null = null;
  private again = false;
  /** After skipping ahead the read starts mid-line; that first piece is dropped. */
  private skipFirstLine = false;

  constructor(readonly path: string) {}

  /** Reads what was appended; concurrent calls fold into one more pass. Never throws. */
  refresh(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.readTail()
      .catch(() => undefined) // a missing or unreadable transcript just means no numbers yet
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.running;
  }

  private async readTail(): Promise<void> {
    const { size } = await stat(this.path);
    if (size < this.offset) {
      this.offset = 0; // rewritten or truncated: start over
      this.partial = '';
    }
    if (size - this.offset > MAX_READ_BYTES) {
      this.offset = size - MAX_READ_BYTES;
      this.partial = '';
      this.skipFirstLine = true;
    }
    if (size === this.offset) return;
    const handle = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
      this.offset += bytesRead;
      this.consume(buffer.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await handle.close();
    }
  }

  private consume(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > MAX_READ_BYTES) this.partial = ''; // a runaway line is not JSON we need
    if (this.skipFirstLine) {
      lines.shift(); // the read started mid-line
      this.skipFirstLine = false;
    }
    for (const line of lines) this.addLine(line);
  }

  private addLine(line: string): void {
    if (!line.includes('"usage"')) return;
    let entry: { message?: { id?: unknown; usage?: UsageFields } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return;
    }
    const usage = entry.message?.usage;
    if (usage === undefined || usage === null || typeof usage !== 'object') return;
    const id = typeof entry.message?.id === 'string' ? entry.message.id : null;
    if (id !== null) {
      if (this.seen.has(id)) return;
      this.seen.add(id);
      if (this.seen.size > MAX_SEEN_IDS) this.seen.delete(this.seen.values().next().value as string);
    }
    this.usage = {
      input: this.usage.input + count(usage.input_tokens),
      output: this.usage.output + count(usage.output_tokens),
      cacheRead: this.usage.cacheRead + count(usage.cache_read_input_tokens),
      cacheCreation: this.usage.cacheCreation + count(usage.cache_creation_input_tokens),
    };
  }
}
