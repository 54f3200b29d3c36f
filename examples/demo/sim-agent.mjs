#!/usr/bin/env node
// A simulated chat agent for tests and offline demos: an input box with a `❯` prompt, bracketed
// paste on once the box is up, keys dropped during a start-up delay, a visible working phase, an
// optional question that waits for an answer, and, when a prompt points at a task file, the
// `work-done` command that file names. Dependency-free so examples can ship it.
//
// usage: node sim-agent.mjs [--role NAME] [--script FILE.json]
// script: { "startDelayMs": 0 (or [min, max]), "workMs": 100, "question": "Run the tests too? [y/n]",
//           "report": "text", "steps": ["lines shown one by one while working"], "exitAfterTasks": 0,
//           "limit": "You've hit your limit · try again in 5 seconds",
//           "ask": "a question for the orchestrator (dot-agent-deck ask), answered before the report",
//           "outcome": "done | blocked | failed | needs-human (work-done --outcome)",
//           "checkpoint": "progress saved with dot-agent-deck checkpoint before working",
//           "crashAfterCheckpoint": true (exit mid-task once, unless the task names a checkpoint),
//           "byTask": [{ "match": "regex on the task file", "steps": [...], "report": "...", "question": "..." }],
//           "turns": [{ "after": ["regex", ...], "actions": [{ "write": "path", "text": "..." },
//                                                           { "run": ["dot-agent-deck", "delegate", ...] },
//                                                           { "hook": { "agent": "claude-code", "payload": {...} } },
//                                                           { "waitMs": 2000 }] }] }
// With "reportStatus": true the agent tells the deck what it does (`dot-agent-deck agent-event`),
// as an agent without hooks would: thinking on a prompt, working with a tool per step, needs-input
// on a question, blocked on a limit, idle at its prompt.
// Turns fire in order, each once every pattern of `after` matched a prompt received since the
// previous turn fired. The first `byTask` entry whose `match` finds the task file's text replaces
// steps, report, question and limit for that task. `limit` is a usage-limit line shown instead of
// the task's first run: the agent waits at its prompt, and the next prompt it gets (a continue
// line) does the task. Text read from task files is data: it is only
// matched, never run through a shell. A `hook` action reports the payload through
// `dot-agent-deck hook --agent AGENT` (stdin), as the real CLI's hook settings would; it runs
// nothing the payload names.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const role = option('--role') ?? 'agent';
const scriptFile = option('--script');
const script = scriptFile ? JSON.parse(readFileSync(scriptFile, 'utf8')) : {};
// A [min, max] pair picks a random delay per start: slow starts of varying length.
const startDelayMs = Array.isArray(script.startDelayMs)
  ? script.startDelayMs[0] + Math.random() * (script.startDelayMs[1] - script.startDelayMs[0])
  : Number(script.startDelayMs ?? 0);
const workMs = Number(script.workMs ?? 100);
const turns = Array.isArray(script.turns) ? script.turns : [];

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
/** Only plain words may reach execFile from a task file: no quoting, no shell, no surprises. */
const SAFE_WORD = /^[A-Za-z0-9_./=:@-]+$/;

let accepting = false;
let input = '';
let inPaste = false;
let tasksSeen = 0;
let turnIndex = 0;
let seen = [];
let pendingAnswer = null;
/** Waits for the orchestrator's reply line after an `ask`. */
let pendingReply = null;
/** The task file whose work waits for the usage limit to reset. */
let limitedTask = null;
let limitShown = false;

const out = (text) => process.stdout.write(text);

// One report at a time, in order; while one runs only the newest waits (older ones are history).
let reporting = false;
let nextReport = null;
function report(status, tool, detail) {
  if (script.reportStatus !== true || !process.env.DOT_AGENT_DECK_PANE_ID) return;
  const argv = ['agent-event', '--status', status];
  if (tool) argv.push('--tool', tool);
  if (detail) argv.push('--detail', detail.replace(/\s+/g, ' ').slice(0, 200));
  nextReport = argv;
  if (!reporting) flushReport();
}
function flushReport() {
  const argv = nextReport;
  nextReport = null;
  reporting = argv !== null;
  if (argv) execFile('dot-agent-deck', argv, { env: process.env }, () => flushReport());
}
/** The tool a step's words suggest, as a coding agent would name it. */
const toolFor = (step) => (/^(Running|Testing)/.test(step) ? 'Bash' : /^Reading/.test(step) ? 'Read' : 'Edit');
const say = (line) => out(`\r\x1b[2K${line}\r\n`);

function showPrompt() {
  input = '';
  accepting = true;
  out('\r\x1b[2K❯ ');
  report('idle');
}

function startWorking() {
  accepting = false;
  out('\r\n');
}

const wait = (ms) => new Promise((done) => setTimeout(done, ms));

async function workPhase(label, ms = workMs) {
  const frames = ['⠋', '⠙', '⠹', '⠸'];
  const steps = Math.max(1, Math.ceil(ms / 50));
  for (let i = 0; i < steps; i++) {
    out(`\r\x1b[2K${frames[i % frames.length]} ${label}… (${i * 50} ms)`);
    await wait(Math.min(50, ms));
  }
  out('\r\x1b[2K');
}

/** What to do for one task: the script's defaults, or its first `byTask` entry that matches. */
function taskPlan(taskText) {
  const special = (Array.isArray(script.byTask) ? script.byTask : []).find((entry) => new RegExp(entry.match).test(taskText)) ?? {};
  return {
    steps: Array.isArray(special.steps) ? special.steps : Array.isArray(script.steps) ? script.steps : [],
    report: special.report ?? script.report,
    question: special.question ?? script.question,
    limit: special.limit ?? script.limit,
    ask: special.ask ?? script.ask,
    outcome: special.outcome ?? script.outcome,
    checkpoint: special.checkpoint ?? script.checkpoint,
    crashAfterCheckpoint: special.crashAfterCheckpoint ?? script.crashAfterCheckpoint,
  };
}

async function work(steps) {
  if (steps.length === 0) {
    report('working', 'Edit');
    return workPhase('working');
  }
  for (const step of steps) {
    report('working', toolFor(step), step);
    await workPhase(step, workMs / steps.length);
    say(`✓ ${step}`);
  }
}

function ask(question) {
  return new Promise((answer) => {
    // Asked inline, as most CLIs ask: the answer is echoed on the question's line, so an answered
    // question no longer ends in `[y/n]` (what a status rule looks for).
    out(`\r\x1b[2K${question} `);
    report('needs-input', null, question);
    pendingAnswer = answer;
    input = '';
    accepting = true;
  });
}

function run(argv) {
  report('working', 'Bash', argv.join(' '));
  return new Promise((done) => {
    execFile(argv[0], argv.slice(1), { env: process.env, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      say(`$ ${argv.join(' ')} → exit ${code}${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`);
      done(code);
    });
  });
}

/** Sends one hook payload the way an agent's hook settings do: JSON on the stdin of `hook`. */
function sendHook({ agent, payload }) {
  return new Promise((done) => {
    const child = execFile('dot-agent-deck', ['hook', '--agent', String(agent)], { env: process.env }, (error) => {
      say(`hook ${payload.hook_event_name ?? payload.type} (${agent}) → ${error ? 'failed' : 'sent'}`);
      done();
    });
    child.stdin.end(JSON.stringify(payload));
  });
}

function readText(path) {
  try {
    return readFileSync(resolve(process.cwd(), path), 'utf8');
  } catch (error) {
    return `cannot read ${path}: ${error.message}`;
  }
}

/** The first line of a deck-written file that is neither a heading, a label nor a fence. */
function firstTextLine(text) {
  const lines = text.split('\n').map((line) => line.trim());
  const fence = lines.findIndex((line) => /^~~~+text$/.test(line));
  const body = fence >= 0 ? lines.slice(fence + 1) : lines;
  return body.find((line) => line !== '' && !line.startsWith('#') && !/^~~~+/.test(line)) ?? '';
}

function writeFile(path, text) {
  const target = resolve(process.cwd(), path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** The `work-done` command a task file asks for, as argv, or a reason it cannot be used. */
function workDoneCommand(taskText) {
  const match = /`(dot-agent-deck work-done [^`\n]+)`/.exec(taskText);
  if (!match) return { error: 'the task file names no work-done command' };
  const argv = match[1].split(/\s+/);
  if (!argv.every((word) => SAFE_WORD.test(word))) return { error: 'the work-done command has unexpected characters' };
  const fileIndex = argv.indexOf('--task-file');
  return { argv, reportFile: fileIndex >= 0 ? argv[fileIndex + 1] : undefined };
}

async function doTask(taskFile) {
  let taskText;
  try {
    taskText = readFileSync(resolve(process.cwd(), taskFile), 'utf8');
  } catch (error) {
    say(`cannot read ${taskFile}: ${error.message}`);
    return;
  }
  say(`read ${taskFile} (${taskText.length} bytes)`);
  const plan = taskPlan(taskText);
  if (typeof plan.limit === 'string' && !limitShown) {
    limitShown = true;
    limitedTask = taskFile;
    await workPhase('working');
    say(`  ⎿  ${plan.limit}`);
    report('blocked', null, plan.limit);
    return;
  }
  tasksSeen += 1;
  // A task handed over again names the checkpoint an earlier agent left: continue from it.
  const checkpointed = /checkpoint[^`\n]*`([^`\n]+checkpoint\.md)`/.exec(taskText);
  const resumedFrom = checkpointed ? firstTextLine(readText(checkpointed[1])) : '';
  if (typeof plan.checkpoint === 'string' && !checkpointed) {
    await run(['dot-agent-deck', 'checkpoint', '--text', plan.checkpoint]);
    if (plan.crashAfterCheckpoint) {
      say('crashing mid-task');
      process.exit(3);
    }
  }
  await work(plan.steps);
  let answer = '';
  if (typeof plan.question === 'string') answer = await ask(plan.question);
  let reply = '';
  if (typeof plan.ask === 'string') {
    const code = await run(['dot-agent-deck', 'ask', '--text', plan.ask]);
    if (code === 0) {
      const line = await new Promise((resolve) => {
        pendingReply = resolve;
        showPrompt();
      });
      const file = /read (\S+reply-\d+\.md)/.exec(line);
      reply = file ? firstTextLine(readText(file[1])) : `unreadable reply line: ${line}`;
    }
  }
  const command = workDoneCommand(taskText);
  if (command.error) {
    say(command.error);
    return;
  }
  if (command.reportFile) {
    const report = [
      `# ${role} report`,
      '',
      plan.report ?? 'Done.',
      '',
      `agent: ${process.env.DOT_AGENT_DECK_AGENT_ID ?? 'unknown'}`,
      `session-tasks: ${tasksSeen}`,
      ...(answer ? [`answer: ${answer}`] : []),
      ...(reply ? [`reply: ${reply}`] : []),
      ...(resumedFrom ? [`resumed-from: ${resumedFrom}`] : []),
      '',
    ].join('\n');
    writeFile(command.reportFile, report);
  }
  await run(typeof plan.outcome === 'string' ? [...command.argv, '--outcome', plan.outcome] : command.argv);
  if (script.exitAfterTasks && tasksSeen >= script.exitAfterTasks) {
    say('exiting');
    process.exit(0);
  }
}

async function runTurn() {
  const turn = turns[turnIndex];
  if (!turn) return;
  const patterns = (turn.after ?? []).map((source) => new RegExp(source));
  if (!patterns.every((pattern) => seen.some((prompt) => pattern.test(prompt)))) return;
  turnIndex += 1;
  seen = [];
  for (const action of turn.actions ?? []) {
    if (action.waitMs) await wait(Number(action.waitMs));
    if (action.write) writeFile(action.write, action.text ?? '');
    if (action.run) await run(action.run);
    if (action.hook) await sendHook(action.hook);
  }
}

async function handlePrompt(prompt) {
  if (pendingReply) {
    const reply = pendingReply;
    pendingReply = null;
    startWorking();
    say(`» ${prompt}`);
    reply(prompt);
    return;
  }
  if (pendingAnswer) {
    const answer = pendingAnswer;
    pendingAnswer = null;
    startWorking();
    answer(prompt);
    return;
  }
  startWorking();
  report('thinking', null, prompt);
  say(`» ${prompt}`);
  seen.push(prompt);
  const task = /^Read (\S+) for your task\.$/.exec(prompt);
  if (limitedTask) {
    const resumed = limitedTask;
    limitedTask = null;
    await doTask(resumed);
  } else if (task) await doTask(task[1]);
  else {
    await workPhase('thinking');
    await runTurn();
  }
  showPrompt();
}

function onKeys(data) {
  // Before the box is up, and while working, keys are lost: the reason delivery must wait.
  if (!accepting) return;
  let rest = data;
  while (rest.length > 0) {
    if (rest.startsWith(PASTE_START)) {
      inPaste = true;
      rest = rest.slice(PASTE_START.length);
    } else if (rest.startsWith(PASTE_END)) {
      inPaste = false;
      rest = rest.slice(PASTE_END.length);
    } else {
      const ch = rest[0];
      rest = rest.slice(1);
      if (ch === '\r' && !inPaste) {
        const prompt = input.trim();
        if (prompt === '' || !accepting) continue;
        void handlePrompt(prompt);
        return;
      }
      if (ch === '\x7f') {
        if (input.length > 0) {
          input = input.slice(0, -1);
          out('\b \b');
        }
      } else if (ch === '\x03') {
        process.exit(130);
      } else if (ch >= ' ' || inPaste) {
        input += ch === '\n' || ch === '\r' ? ' ' : ch;
        out(ch === '\n' || ch === '\r' ? ' ' : ch);
      }
    }
  }
}

if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.setEncoding('utf8');
process.stdin.on('data', onKeys);
say(`sim-agent ${role} starting`);
setTimeout(() => {
  out('\x1b[?2004h');
  say(`sim-agent ${role} ready`);
  showPrompt();
}, startDelayMs);
