// Line-oriented logging to a file with size-bounded rotation. Never writes to a terminal:
// the TUI owns the screen and a detached daemon has none.
import { lstatSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { appendFileNoFollowSync } from './fs-no-follow.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const nullLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface FileLoggerOptions {
  level?: LogLevel;
  /** Rotate to `<file>.1` past this size (default 5 MiB), so a deck running for days stays bounded. */
  maxBytes?: number;
}

export function createFileLogger(file: string, options: FileLoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let size = 0;
  try {
    size = lstatSync(file).size;
  } catch {
    size = 0;
  }

  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < threshold) return;
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${
      fields && Object.keys(fields).length > 0 ? ` ${safeJson(fields)}` : ''
    }\n`;
    try {
      if (size + line.length > maxBytes) {
        renameSync(file, `${file}.1`);
        size = 0;
      }
      appendFileNoFollowSync(file, line, 0o600); // a symlink at the name is replaced, not followed
      size += Buffer.byteLength(line);
    } catch {
      // A full disk must not take the daemon down; the log is best effort.
    }
  };

  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  } catch {
    return '[unserialisable]';
  }
}
