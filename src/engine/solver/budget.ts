// How long the search may go on: an iteration budget (deterministic), an optional injected clock, and the
// caller's stop signal. Work is reported in small batches so the clock is read rarely.
export class Budget {
  spent = 0;
  private stopped = false;

  constructor(
    private readonly maxIterations: number,
    private readonly timeLimitMs: number,
    private readonly now: (() => number) | undefined,
    private readonly started: number,
    private readonly shouldStop: (() => boolean) | undefined,
  ) {}

  /** Adds `work` iterations; false once any limit is reached (and from then on). */
  spend(work: number): boolean {
    this.spent += work;
    if (this.stopped) return false;
    if (this.spent >= this.maxIterations) this.stopped = true;
    else if (this.now !== undefined && this.now() - this.started >= this.timeLimitMs) this.stopped = true;
    else if (this.shouldStop?.() === true) this.stopped = true;
    return !this.stopped;
  }

  get exhausted(): boolean {
    return this.stopped;
  }

  /** Iterations likely left: exact for an iteration budget, estimated from the pace so far under a clock. */
  remaining(): number {
    const byWork = this.maxIterations - this.spent;
    if (this.now === undefined) return byWork;
    const elapsed = this.now() - this.started;
    if (this.spent === 0 || elapsed <= 0) return byWork;
    return Math.min(byWork, (this.spent / elapsed) * Math.max(0, this.timeLimitMs - elapsed));
  }

  fraction(): number {
    const byWork = this.spent / this.maxIterations;
    const byTime = this.now === undefined ? 0 : (this.now() - this.started) / this.timeLimitMs;
    return Math.min(1, Math.max(byWork, byTime));
  }
}
