import { describe, expect, it } from 'vitest';
import { ParseScheduler, type ParseClock, type ParseData } from '../../../src/pty/parse-scheduler.js';

/**
 * Virtual time: every parse of a slice costs `msPerChar` per character, and deferred turns run
 * only when the test says so (as if the event loop came round).
 */
function virtualLoop(msPerChar = 0) {
  let time = 0;
  const deferred: Array<() => void> = [];
  /** The delay of each deferral, in order (undefined: the next loop iteration). */
  const delays: Array<number | undefined> = [];
  const clock: ParseClock = {
    now: () => time,
    defer: (work, ms) => {
      deferred.push(work);
      delays.push(ms);
    },
  };
  return {
    clock,
    delays,
    cost: (chars: number) => void (time += chars * msPerChar),
    /** Runs the turns queued so far; returns how many ran. */
    turn(): number {
      const due = deferred.splice(0);
      for (const work of due) work();
      return due.length;
    },
    get waitingTurns() {
      return deferred.length;
    },
  };
}

function recorder(loop: ReturnType<typeof virtualLoop>, log: string[], name: string) {
  return (data: ParseData) => {
    log.push(`${name}:${typeof data === 'string' ? data : `bytes ${Buffer.from(data).toString()}`}`);
    loop.cost(data.length);
  };
}

describe('ParseScheduler', () => {
  it('parses nothing until the loop comes round, then everything that fits the budget', () => {
    const loop = virtualLoop(0);
    const scheduler = new ParseScheduler({ sliceChars: 4, budgetMs: 8, clock: loop.clock });
    const log: string[] = [];
    const queue = scheduler.queue(recorder(loop, log, 'a'));
    const parsed: string[] = [];
    queue.push('hello', () => parsed.push('hello'));
    queue.push('world', () => parsed.push('world'));
    expect(log).toEqual([]);
    expect(queue.pendingChars).toBe(10);
    loop.turn();
    expect(log).toEqual(['a:hell', 'a:o', 'a:worl', 'a:d']);
    expect(parsed).toEqual(['hello', 'world']);
    expect(queue.pendingChars).toBe(0);
    expect(loop.waitingTurns).toBe(0);
  });

  it('slices byte chunks as views of the same bytes, in order with text', () => {
    const loop = virtualLoop(0);
    const scheduler = new ParseScheduler({ sliceChars: 4, budgetMs: 8, clock: loop.clock });
    const log: string[] = [];
    const record = recorder(loop, log, 'a');
    const slices: Uint8Array[] = [];
    const queue = scheduler.queue((data) => {
      if (typeof data !== 'string') slices.push(data);
      record(data);
    });
    const bytes = new TextEncoder().encode('abcdefghij');
    queue.push(bytes);
    queue.push('xyz');
    expect(queue.pendingChars).toBe(13);
    loop.turn();
    expect(log).toEqual(['a:bytes abcd', 'a:bytes efgh', 'a:bytes ij', 'a:xyz']);
    expect(slices.every((slice) => slice.buffer === bytes.buffer)).toBe(true);
    expect(queue.pendingChars).toBe(0);
  });

  it('runs a callback only once the last character of its chunk is parsed', () => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 4, budgetMs: 4, clock: loop.clock });
    const log: string[] = [];
    const queue = scheduler.queue(recorder(loop, log, 'a'));
    const parsed: string[] = [];
    queue.push('abcdefghij', () => parsed.push('chunk'));
    loop.turn();
    expect(log).toEqual(['a:abcd']);
    expect(parsed).toEqual([]);
    loop.turn();
    loop.turn();
    expect(log).toEqual(['a:abcd', 'a:efgh', 'a:ij']);
    expect(parsed).toEqual(['chunk']);
  });

  it('yields once a turn has spent its budget and goes on in the next turn', () => {
    const loop = virtualLoop(1); // 1 ms per character: a 4-char slice costs 4 ms
    const scheduler = new ParseScheduler({ sliceChars: 4, budgetMs: 8, clock: loop.clock });
    const log: string[] = [];
    const queue = scheduler.queue(recorder(loop, log, 'a'));
    queue.push('x'.repeat(20));
    loop.turn();
    expect(log).toHaveLength(2); // 8 ms: two slices
    expect(loop.waitingTurns).toBe(1);
    loop.turn();
    expect(log).toHaveLength(4);
    loop.turn();
    expect(log).toHaveLength(5);
    expect(loop.waitingTurns).toBe(0);
  });

  it('takes panes round-robin, and the next turn starts with the pane after the last one served', () => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 2, budgetMs: 4, clock: loop.clock });
    const log: string[] = [];
    const queues = ['a', 'b', 'c'].map((name) => scheduler.queue(recorder(loop, log, name)));
    for (const queue of queues) queue.push('1122');
    loop.turn();
    expect(log).toEqual(['a:11', 'b:11']);
    loop.turn();
    expect(log).toEqual(['a:11', 'b:11', 'c:11', 'a:22']);
    loop.turn();
    expect(log).toEqual(['a:11', 'b:11', 'c:11', 'a:22', 'b:22', 'c:22']);
    expect(scheduler.activeQueues).toBe(0);
  });

  it('keeps each pane in order while another floods', () => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 3, budgetMs: 5, clock: loop.clock });
    const log: string[] = [];
    const flood = scheduler.queue(recorder(loop, log, 'flood'));
    const quiet = scheduler.queue(recorder(loop, log, 'quiet'));
    flood.push('f'.repeat(30));
    quiet.push('q1');
    quiet.push('q2');
    loop.turn();
    // The quiet pane's output is parsed in the first turn, not after the flood's 30 characters.
    expect(log).toEqual(['flood:fff', 'quiet:q1']);
    loop.turn();
    expect(log).toEqual(['flood:fff', 'quiet:q1', 'flood:fff', 'quiet:q2']);
  });

  it('schedules one turn however many chunks arrive before it', () => {
    const loop = virtualLoop(0);
    const scheduler = new ParseScheduler({ clock: loop.clock });
    const queue = scheduler.queue(() => undefined);
    for (let i = 0; i < 100; i++) queue.push('data');
    expect(loop.waitingTurns).toBe(1);
    loop.turn();
    expect(loop.waitingTurns).toBe(0);
    queue.push('more');
    expect(loop.waitingTurns).toBe(1);
  });

  it('drops a disposed queue and never runs its callbacks', () => {
    const loop = virtualLoop(0);
    const scheduler = new ParseScheduler({ clock: loop.clock });
    const log: string[] = [];
    const gone = scheduler.queue(recorder(loop, log, 'gone'));
    const kept = scheduler.queue(recorder(loop, log, 'kept'));
    const parsed: string[] = [];
    gone.push('abc', () => parsed.push('gone'));
    kept.push('xyz', () => parsed.push('kept'));
    gone.dispose();
    gone.push('late');
    loop.turn();
    expect(log).toEqual(['kept:xyz']);
    expect(parsed).toEqual(['kept']);
    expect(gone.pendingChars).toBe(0);
    expect(scheduler.activeQueues).toBe(0);
  });

  it('goes on parsing the other panes in the next turn when a callback throws', () => {
    const loop = virtualLoop(0);
    const scheduler = new ParseScheduler({ sliceChars: 2, clock: loop.clock });
    const log: string[] = [];
    const bad = scheduler.queue(recorder(loop, log, 'bad'));
    const good = scheduler.queue(recorder(loop, log, 'good'));
    bad.push('bb', () => {
      throw new Error('listener failed');
    });
    good.push('gggg');
    expect(() => loop.turn()).toThrow('listener failed');
    expect(loop.waitingTurns).toBe(1);
    loop.turn();
    expect(log).toEqual(['bad:bb', 'good:gg', 'good:gg']);
  });

  it('parses output pushed by a callback in the same turn if the budget allows', () => {
    const loop = virtualLoop(0);
    const scheduler = new ParseScheduler({ clock: loop.clock });
    const log: string[] = [];
    const queue = scheduler.queue(recorder(loop, log, 'a'));
    queue.push('first', () => queue.push('second'));
    loop.turn();
    expect(log).toEqual(['a:first', 'a:second']);
  });

  it('parses a pane that was typed into ahead of flooding panes, until its time is up', () => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 4, budgetMs: 8, urgentMs: 100, clock: loop.clock });
    const log: string[] = [];
    const floods = [0, 1, 2].map((n) => scheduler.queue(recorder(loop, log, `f${n}`)));
    const typed = scheduler.queue(recorder(loop, log, 'typed'));
    for (const flood of floods) flood.push('x'.repeat(400));
    typed.prioritize();
    typed.push('k');
    loop.turn();
    // The echo is parsed first, although three queues were woken before it.
    expect(log[0]).toBe('typed:k');
    // More output of the typed pane while the floods still have theirs: first again.
    log.length = 0;
    typed.push('e');
    loop.turn();
    expect(log[0]).toBe('typed:e');
    // Once its time is up it takes its turn in the round like any pane.
    loop.cost(200);
    log.length = 0;
    typed.push('late');
    loop.turn();
    loop.turn();
    expect(log.indexOf('typed:late')).toBeGreaterThan(0);
  });

  // Issue #17 item 6: while someone types, the loop comes round sooner and an echo is parsed where it is read.
  it.each([
    { case: 'nobody typing: the whole budget', typing: false, slices: 4 },
    { case: 'a pane typed into (nothing of its own waiting): the typing budget', typing: true, slices: 1 },
  ])('parses the other panes for $case per turn', ({ typing, slices }) => {
    const loop = virtualLoop(1); // a 2-char slice costs 2 ms
    const scheduler = new ParseScheduler({ sliceChars: 2, budgetMs: 8, typingBudgetMs: 2, clock: loop.clock });
    const log: string[] = [];
    const flood = scheduler.queue(recorder(loop, log, 'flood'));
    const typed = scheduler.queue(recorder(loop, log, 'typed'));
    if (typing) typed.prioritize();
    flood.push('x'.repeat(40));
    loop.turn();
    expect(log).toHaveLength(slices);
  });

  it('gives the typed pane its own output the whole budget while the others yield early', () => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 2, budgetMs: 8, typingBudgetMs: 2, clock: loop.clock });
    const log: string[] = [];
    const flood = scheduler.queue(recorder(loop, log, 'flood'));
    const typed = scheduler.queue(recorder(loop, log, 'typed'));
    flood.push('f'.repeat(40));
    typed.push('t'.repeat(6)); // queued before the key, so it waits for a turn
    typed.prioritize();
    loop.turn();
    expect(log).toEqual(['typed:tt', 'typed:tt', 'typed:tt']);
    loop.turn();
    expect(log.slice(3)).toEqual(['flood:ff']);
  });

  it.each([
    { case: 'an urgent pane with nothing waiting: parsed in the read', urgent: true, before: '', chunk: 'k', now: ['typed:k'] },
    { case: 'a pane nobody typed into: waits for a turn', urgent: false, before: '', chunk: 'k', now: [] },
    { case: 'output already waiting: in order, after it', urgent: true, before: 'ab', chunk: 'k', now: [] },
    { case: 'more than a slice: a turn', urgent: true, before: '', chunk: 'abcde', now: [] },
  ])('$case', ({ urgent, before, chunk, now }) => {
    const loop = virtualLoop(0);
    const scheduler = new ParseScheduler({ sliceChars: 4, clock: loop.clock });
    const log: string[] = [];
    const typed = scheduler.queue(recorder(loop, log, 'typed'));
    if (before !== '') typed.push(before);
    if (urgent) typed.prioritize();
    const parsed: string[] = [];
    typed.push(chunk, () => parsed.push(chunk));
    expect(log).toEqual(now);
    expect(parsed).toEqual(now.length > 0 ? [chunk] : []);
    expect(loop.waitingTurns).toBe(now.length > 0 ? 0 : 1);
    loop.turn();
    loop.turn();
    expect(log.join('').replace(/typed:/g, '')).toBe(before + chunk);
    expect(parsed).toEqual([chunk]);
  });

  it('parses an urgent echo in a turn once its time is up, and never inside another parse', () => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 4, urgentMs: 100, clock: loop.clock });
    const log: string[] = [];
    const typed = scheduler.queue(recorder(loop, log, 'typed'));
    const other = scheduler.queue((data) => {
      log.push(`other:${String(data)}`);
      typed.push('r'); // e.g. a reply pushed while a parser runs: it waits for the parser to finish
      log.push('other:after');
    });
    typed.prioritize();
    other.push('o');
    loop.turn();
    expect(log).toEqual(['other:o', 'other:after', 'typed:r']);
    loop.cost(200);
    log.length = 0;
    typed.push('late');
    expect(log).toEqual([]);
    loop.turn();
    expect(log).toEqual(['typed:late']);
  });

  it.each([
    { case: 'nobody typing: the next turn on the next loop iteration', typing: false, rest: 6, delay: undefined },
    { case: 'someone typing: the next turn after a rest', typing: true, rest: 6, delay: 6 },
    { case: 'someone typing, no rest configured: the next iteration', typing: true, rest: 0, delay: undefined },
  ])('schedules the other panes’ next turn — $case', ({ typing, rest, delay }) => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 2, budgetMs: 8, typingBudgetMs: 2, typingRestMs: rest, clock: loop.clock });
    const flood = scheduler.queue(() => loop.cost(2));
    const typed = scheduler.queue(() => undefined);
    if (typing) typed.prioritize();
    flood.push('x'.repeat(40));
    loop.turn();
    expect(loop.delays).toEqual([undefined, delay]);
  });

  it('does not let the typed pane’s output wait out a rest', () => {
    const loop = virtualLoop(1);
    const scheduler = new ParseScheduler({ sliceChars: 2, budgetMs: 8, typingBudgetMs: 2, typingRestMs: 6, clock: loop.clock });
    const log: string[] = [];
    const flood = scheduler.queue(recorder(loop, log, 'flood'));
    const typed = scheduler.queue(recorder(loop, log, 'typed'));
    typed.prioritize();
    flood.push('f'.repeat(40));
    loop.turn(); // a short turn of the flood, then a rest
    expect(loop.delays).toEqual([undefined, 6]);
    typed.push('abcd'); // more than a slice: needs a turn
    expect(loop.delays).toEqual([undefined, 6, undefined]);
    loop.turn(); // the rest's timer (overtaken: does nothing) and the immediate turn
    expect(log.filter((line) => line.startsWith('typed'))).toEqual(['typed:ab', 'typed:cd']);
    expect(log.filter((line) => line.startsWith('flood'))).toEqual(['flood:ff']); // the first turn's only
  });

  it('tells each pane whether another one was typed into, for as long as that one is urgent', () => {
    const loop = virtualLoop(1); // cost(n): n ms pass
    const scheduler = new ParseScheduler({ urgentMs: 1000, clock: loop.clock });
    const [typed, other] = [scheduler.queue(() => undefined), scheduler.queue(() => undefined)];
    const seen = () => [typed!.othersUrgent, other!.othersUrgent];
    expect(seen()).toEqual([false, false]);
    typed!.prioritize();
    expect(seen()).toEqual([false, true]);
    loop.cost(999);
    expect(seen()).toEqual([false, true]);
    loop.cost(1);
    expect(seen()).toEqual([false, false]);
  });
});
