/**
 * A small in-memory cache of analysis answers. Keys include the workspace's data generation, which
 * every import, refresh and deletion bumps, so an answer never outlives the events it was computed
 * from; journey answers also key on the journey's version. Least recently used entries go first.
 */
export class ResultCache {
  private readonly entries = new Map<string, Promise<unknown>>();
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

  /** The cached answer for `key` in the workspace's current generation, computing it once. */
  get<T>(workspaceId: string, key: unknown, compute: () => Promise<T>): Promise<T> {
    const k = JSON.stringify([workspaceId, this.generation(workspaceId), key]);
    const hit = this.entries.get(k);
    if (hit) {
      this.entries.delete(k);
      this.entries.set(k, hit);
      return hit as Promise<T>;
    }
    const value = compute();
    this.entries.set(k, value);
    // A failure is not cached: the next request computes again.
    value.catch(() => this.entries.delete(k));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }
}
