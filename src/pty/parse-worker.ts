// The parse worker: one thread that holds every pane's screen (pty/pane-terminal.ts, its packed
// history and the shared scrollback budget) and parses their output, so the daemon's own thread
// only reads PTYs and serves clients (issue #17 item 4: reading and parsing on one thread topped
// out at 0.73× tmux's throughput). It answers the daemon's calls synchronously: the daemon waits
// on `signal` and takes the answer from `replies` (pty/parse-worker-client.ts). Everything the worker
// sends goes through `replies`, in order, so a call's answer comes after every report before it.
import { getHeapSpaceStatistics } from 'node:v8';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { errorMessage } from '../common/errors.js';
import type { Call, CallResult, FromWorker, ToWorker } from './parse-messages.js';
import { ParseScheduler } from './parse-scheduler.js';
import { PaneTerminal } from './pane-terminal.js';
import { ScrollbackBudget } from './scrollback-budget.js';

interface Setup {
  signal: Int32Array;
  replies: MessagePort;
}

const { signal, replies } = workerData as Setup;
const port = parentPort!;
// 2 ms turns, not the 8 of a thread that also serves sockets: a call for a frame waits at most for
// the turn in progress, and between turns the worker has nothing else to do.
const scheduler = new ParseScheduler({ budgetMs: 2 });
const terminals = new Map<number, PaneTerminal>();
const budgets = new Map<number, ScrollbackBudget>();
const budgetOf = new Map<number, ScrollbackBudget>();
const parsedCounts = new Map<number, number>();
let reportQueued = false;

function post(message: FromWorker): void {
  replies.postMessage(message);
}

/** One report of what a turn parsed, after the turn (a microtask runs once its loop is done). */
function countParsed(id: number, writes = 1): void {
  parsedCounts.set(id, (parsedCounts.get(id) ?? 0) + writes);
  if (reportQueued) return;
  reportQueued = true;
  queueMicrotask(report);
}

/** Posts what was parsed since the last report; before a call's answer too, so the daemon learns
 *  of every parse the answer shows (a screen with a program's last line, but its bytes unparsed). */
function report(): void {
  reportQueued = false;
  if (parsedCounts.size === 0) return;
  const counts = [...parsedCounts];
  parsedCounts.clear();
  post({ t: 'parsed', counts, budgets: [...budgets].map(([budgetId, budget]) => [budgetId, budget.bytes]) });
}

function answer(call: Call): CallResult {
  if (call.op === 'newSpaceBytes') {
    const space = getHeapSpaceStatistics().find((entry) => entry.space_name === 'new_space');
    return { t: 'result', ok: true, value: space?.space_size ?? 0 };
  }
  const terminal = terminals.get(call.id);
  if (call.op === 'dispose') {
    terminal?.dispose();
    terminals.delete(call.id);
    parsedCounts.delete(call.id);
    const budget = budgetOf.get(call.id);
    budgetOf.delete(call.id);
    return { t: 'result', ok: true, value: budget?.bytes ?? 0 };
  }
  if (terminal === undefined) return { t: 'result', ok: false, message: `no terminal ${call.id} in the parse worker` };
  switch (call.op) {
    case 'render':
      return { t: 'result', ok: true, value: terminal.render(call.scrollOffset) };
    case 'text':
      return { t: 'result', ok: true, value: terminal.text(call.scrollback) };
    case 'modes':
      return { t: 'result', ok: true, value: terminal.modes };
    case 'archivedBytes':
      return { t: 'result', ok: true, value: terminal.archivedBytes };
    case 'pendingChars':
      return { t: 'result', ok: true, value: terminal.pendingChars };
  }
}

function create(id: number, message: Extract<ToWorker, { t: 'create' }>['setup']): void {
  let budget: ScrollbackBudget | undefined;
  if (message.budget) {
    budget = budgets.get(message.budget.id);
    if (budget === undefined) budgets.set(message.budget.id, (budget = new ScrollbackBudget(message.budget.maxBytes)));
  }
  const terminal = new PaneTerminal({
    cols: message.cols,
    rows: message.rows,
    scrollback: message.scrollback,
    ...(message.scrollbackBytes !== undefined ? { scrollbackBytes: message.scrollbackBytes } : {}),
    ...(message.keptInXterm !== undefined ? { keptInXterm: message.keptInXterm } : {}),
    ...(budget ? { scrollbackBudget: budget } : {}),
    scheduler,
  });
  terminal.onReply((data) => post({ t: 'reply', id, data }));
  terminal.onTitleChange((title) => post({ t: 'title', id, title }));
  terminals.set(id, terminal);
  if (budget) budgetOf.set(id, budget);
}

port.on('message', (message: ToWorker) => {
  switch (message.t) {
    case 'create':
      create(message.id, message.setup);
      return;
    case 'writes':
      for (const [id, data, writes] of message.writes) terminals.get(id)?.write(data, () => countParsed(id, writes));
      return;
    case 'prioritize':
      terminals.get(message.id)?.prioritize();
      return;
    case 'reset':
      terminals.get(message.id)?.reset(() => countParsed(message.id));
      return;
    case 'end':
      terminals.get(message.id)?.end(() => countParsed(message.id));
      return;
    case 'resize':
      terminals.get(message.id)?.resize(message.cols, message.rows);
      return;
    case 'call': {
      let result: CallResult;
      try {
        result = answer(message.call);
      } catch (error) {
        result = { t: 'result', ok: false, message: errorMessage(error) };
      }
      report();
      post(result);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
      return;
    }
  }
});
