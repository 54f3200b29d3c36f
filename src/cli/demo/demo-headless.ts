// The demo without a TUI: follows the journal of the opened tab, answers the one question a
// worker asks (typed into its pane with `send`, as a person would), prints each timeline line as
// it appears, and stops when the loop completed or the deadline passed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../../orchestration/journal.js';
import { timelineLines } from '../../orchestration/timeline.js';
import type { Connection } from '../../protocol/connection.js';
import { demoProgress, type DemoProgress } from './demo-progress.js';

/** 250 ms: a step of the loop takes seconds, so a quarter second of lag is invisible. */
const POLL_MS = 250;

/** What the headless demo types when the question shows: any line is an answer to the agent. */
export const HEADLESS_ANSWER = 'y';

export interface HeadlessDemo {
  connection: Connection;
  projectDir: string;
  group: string;
  /** The pane of the role that asks, and the question its script asks. */
  asker: { role: string; paneId: string; question: string };
  deadlineMs: number;
  print(line: string): void;
  /** Stops the wait early (Ctrl+C), so the caller still cleans up. */
  signal?: AbortSignal;
}

export async function runHeadlessDemo(demo: HeadlessDemo): Promise<DemoProgress> {
  const stopAt = Date.now() + demo.deadlineMs;
  let printed = 0;
  let answered = false;
  for (;;) {
    const entries = readJournal(demo.projectDir).entries.filter((entry) => entry.group === demo.group);
    const lines = timelineLines(entries);
    for (const line of lines.slice(printed)) demo.print(line);
    printed = lines.length;
    const progress = demoProgress(entries);
    if (progress.complete || Date.now() >= stopAt || demo.signal?.aborted) return progress;
    if (!answered && (await asks(demo.connection, demo.asker.paneId, demo.asker.question))) {
      await demo.connection.request({ kind: 'send', pane: demo.asker.paneId, text: HEADLESS_ANSWER, submit: true });
      demo.print(`(the ${demo.asker.role} asked "${demo.asker.question}"; the demo answered "${HEADLESS_ANSWER}")`);
      answered = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function asks(connection: Connection, paneId: string, question: string): Promise<boolean> {
  const screen = await connection.request({ kind: 'capture', pane: paneId });
  return screen.lines.some((line) => line.includes(question));
}

/** The question in a role's script of the demo project (what the headless demo waits for). */
export function scriptQuestion(projectDir: string, role: string): string {
  const script = JSON.parse(readFileSync(join(projectDir, `${role}.json`), 'utf8')) as { question?: unknown };
  if (typeof script.question !== 'string') throw new Error(`the demo's ${role}.json asks no question`);
  return script.question;
}
