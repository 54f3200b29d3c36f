// One byte budget for the packed scrollback of every pane of the daemon (issue #11 item 12). Each
// pane's LineArchive keeps its own line and byte caps; on top of them, when all archives together
// hold more than the budget, the largest archive gives up its oldest chunk, then the next largest,
// until the total fits: under pressure each pane's share shrinks towards an equal part, and a pane
// that scrolled little keeps its history while a flooding one loses its oldest lines. The budget
// also keeps a few freed chunks for reuse, so a flood that keeps every archive at its cap replaces
// chunks without allocating (and fragmenting the allocator's heap) for each one.

/** What the budget asks of one archive. */
export interface BudgetMember {
  /** Bytes the member holds, as charged to the budget. */
  readonly bytes: number;
  /** Drops the member's oldest chunk (and the lines in it); false if it has none to give. */
  shedOldest(): boolean;
}

/** 32 MiB: ~100,000 coloured 120-column lines packed, e.g. 10 panes × 10,000 lines. */
export const DEFAULT_SCROLLBACK_BUDGET_BYTES = 32 * 1024 * 1024;
/** Freed chunks kept for reuse, per chunk size (a flood's turnover, not a cache of history). */
const SPARE_CHUNKS = 16;

export class ScrollbackBudget {
  private readonly members = new Set<BudgetMember>();
  private held = 0;
  private readonly spares = new Map<number, Uint8Array[]>();
  private settling = false;

  /** `maxBytes`: the most all members together may hold (Infinity: no shared limit). */
  constructor(readonly maxBytes: number = DEFAULT_SCROLLBACK_BUDGET_BYTES) {
    if (!(maxBytes > 0)) throw new RangeError(`A scrollback budget needs a positive number of bytes, got ${maxBytes}`);
  }

  /** Bytes every member holds together. */
  get bytes(): number {
    return this.held;
  }

  join(member: BudgetMember): void {
    this.members.add(member);
  }

  /** Leaves the budget; the member must have released its bytes first. */
  leave(member: BudgetMember): void {
    this.members.delete(member);
  }

  /** Counts `delta` bytes more (or fewer) held by a member. */
  charge(delta: number): void {
    this.held += delta;
  }

  /** Its members live in the parse worker (pty/parse-worker.ts): the total it last reported. */
  mirror(bytes: number): void {
    this.held = bytes;
  }

  /** A chunk of `size` bytes, new or reused (its old bytes are left: callers read only what they wrote). */
  allocate(size: number): Uint8Array {
    return this.spares.get(size)?.pop() ?? new Uint8Array(size);
  }

  /** Takes back a chunk a member no longer uses (the caller uncharges it). */
  recycle(chunk: Uint8Array): void {
    let spares = this.spares.get(chunk.length);
    if (spares === undefined) this.spares.set(chunk.length, (spares = []));
    if (spares.length < SPARE_CHUNKS) spares.push(chunk);
  }

  /** While over budget, the largest member sheds its oldest chunk. */
  settle(): void {
    if (this.settling || this.held <= this.maxBytes) return;
    this.settling = true;
    try {
      const stuck = new Set<BudgetMember>();
      while (this.held > this.maxBytes) {
        let largest: BudgetMember | undefined;
        for (const member of this.members) if (!stuck.has(member) && (largest === undefined || member.bytes > largest.bytes)) largest = member;
        if (largest === undefined) break;
        if (!largest.shedOldest()) stuck.add(largest);
      }
    } finally {
      this.settling = false;
    }
  }
}
