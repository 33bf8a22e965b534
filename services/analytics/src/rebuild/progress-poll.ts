/**
 * When the rebuild reads the replay group's committed offsets next. Each read is a request to the
 * broker that the rebuild's process decodes, and it calls the progress callback; the replay is over
 * when the last offsets are committed. Read every 50 ms through a whole replay, the rebuild's process
 * took 4.5 % of the machine's CPU samples (`perf record -a`, a benchmark's callback included), away
 * from the replay consumers and PostgreSQL; read as below, 1.2 %. The wait follows the time the
 * replay still needs at the rate seen so far: a quarter of it, at most `longestMs` (the progress bar
 * still moves every second) and at least `shortestMs`, so the end is seen soon after it comes.
 */
export class ProgressPoll {
  /** The first read: the rate is what was done since. */
  private first?: { at: number; done: number };

  constructor(
    private readonly shortestMs: number,
    private readonly longestMs = 1000,
  ) {}

  /** The wait before the next read, given what the last one found (`done` of `total`) at `now` (ms). */
  next(done: number, total: number, now = Date.now()): number {
    this.first ??= { at: now, done };
    const elapsed = now - this.first.at;
    const progressed = done - this.first.done;
    // No rate seen yet (the first commits are a commit interval away): read again soon.
    if (elapsed <= 0 || progressed <= 0) return this.shortestMs;
    const remainingMs = ((total - done) * elapsed) / progressed;
    return Math.round(Math.min(this.longestMs, Math.max(this.shortestMs, remainingMs / 4)));
  }
}
