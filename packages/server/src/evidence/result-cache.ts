/**
 * A small in-memory cache of analysis answers. Keys include the workspace's data generation, which
 * every import, refresh and deletion bumps, so an answer never outlives the events it was computed
 * from; journey answers also key on the journey's version. Least recently used entries go first.
 */
/** An answer being computed or computed, and who still waits for it. */
interface Entry {
  value: Promise<unknown>;
  stop: AbortController;
  /** Requests waiting that can go away; Infinity once one that cannot (no signal) waits. */
  waiting: number;
  settled: boolean;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly capacity = 200) {}

  /** How many answers are held (tests). */
  get size(): number {
    return this.entries.size;
  }

  /** The workspace's current data generation (0 until its data first changes in this process). */
  generation(workspaceId: string): number {
    return this.generations.get(workspaceId) ?? 0;
  }

  /** Forgets every answer about the workspace's data (call after its events change). */
  invalidate(workspaceId: string): void {
    this.generations.set(workspaceId, this.generation(workspaceId) + 1);
  }

  /**
   * The cached answer for `key` in the workspace's current generation, computing it once. `compute` gets
   * a signal that fires when every request waiting for the answer has gone away (their `signal`s
   * aborted), so a computation nobody wants any more is stopped; one started without a signal runs on.
   */
  get<T>(
    workspaceId: string,
    key: unknown,
    compute: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const k = JSON.stringify([workspaceId, this.generation(workspaceId), key]);
    const hit = this.entries.get(k);
    // A computation being stopped (everyone waiting went away) is not joined: this request starts afresh.
    if (hit && !hit.stop.signal.aborted) {
      this.entries.delete(k);
      this.entries.set(k, hit);
      this.wait(hit, signal);
      return hit.value as Promise<T>;
    }
    const stop = new AbortController();
    const entry: Entry = { value: compute(stop.signal), stop, waiting: 0, settled: false };
    this.wait(entry, signal);
    this.entries.set(k, entry);
    entry.value.then(
      () => {
        entry.settled = true;
      },
      () => {
        entry.settled = true;
        // A failure is not cached: the next request computes again.
        if (this.entries.get(k) === entry) this.entries.delete(k);
      },
    );
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry.value as Promise<T>;
  }

  private wait(entry: Entry, signal: AbortSignal | undefined): void {
    if (entry.settled) return;
    if (!signal) {
      entry.waiting = Number.POSITIVE_INFINITY;
      return;
    }
    entry.waiting += 1;
    signal.addEventListener(
      'abort',
      () => {
        entry.waiting -= 1;
        if (entry.waiting <= 0 && !entry.settled) entry.stop.abort();
      },
      { once: true },
    );
  }
}
