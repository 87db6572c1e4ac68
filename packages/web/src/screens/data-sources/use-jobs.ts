import { useEffect, useRef, useState } from 'react';
import { api, type Job } from '../../api';

const POLL_MS = 600;

/**
 * Follows background jobs until each succeeds or fails, polling `GET /api/jobs/:id`. Returns the
 * latest state per job id; `onSettled` runs once per job when it finishes.
 */
export function useJobs(jobIds: readonly string[], onSettled: (job: Job) => void): Record<string, Job> {
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  const settled = useRef(new Set<string>());
  const onSettledRef = useRef(onSettled);
  onSettledRef.current = onSettled;
  const key = [...new Set(jobIds)].sort().join(',');

  useEffect(() => {
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) return;
    // Aborted when the jobs followed change or the page goes: the polls in flight are cancelled.
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const pending = ids.filter((id) => !settled.current.has(id));
      const results = await Promise.allSettled(pending.map((id) => api.evidence.job(id, controller.signal)));
      if (controller.signal.aborted) return;
      const fresh: Record<string, Job> = {};
      for (const r of results) if (r.status === 'fulfilled') fresh[r.value.id] = r.value;
      setJobs((old) => ({ ...old, ...fresh }));
      for (const job of Object.values(fresh)) {
        if ((job.status === 'succeeded' || job.status === 'failed') && !settled.current.has(job.id)) {
          settled.current.add(job.id);
          onSettledRef.current(job);
        }
      }
      if (ids.some((id) => !settled.current.has(id))) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [key]);

  return jobs;
}
