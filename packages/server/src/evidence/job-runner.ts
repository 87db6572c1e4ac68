/**
 * An in-process queue of background work: one task at a time per workspace (imports of a workspace
 * share its DuckDB file), workspaces in parallel. `idle()` lets tests and shutdown wait for it.
 */
export class JobRunner {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private readonly active = new Set<string>();

  /** Queues `task` behind the workspace's earlier tasks. `jobId` marks it as active until it ends. */
  enqueue(workspaceId: string, task: () => Promise<void>, jobId?: string): void {
    if (jobId) this.active.add(jobId);
    const previous = this.tails.get(workspaceId) ?? Promise.resolve();
    const run = previous
      .then(task)
      .catch(() => undefined) // tasks record their own failures; a throw must not stop the queue
      .finally(() => {
        if (jobId) this.active.delete(jobId);
        this.running.delete(run);
        if (this.tails.get(workspaceId) === run) this.tails.delete(workspaceId);
      });
    this.tails.set(workspaceId, run);
    this.running.add(run);
  }

  /** Whether a job is queued or running in this process (false after a restart). */
  isActive(jobId: string): boolean {
    return this.active.has(jobId);
  }

  /** Resolves once every queued task (including tasks queued meanwhile) has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
