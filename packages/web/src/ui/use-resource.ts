import { type DependencyList, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/errors';
import type { SuppressedAnswer } from '../api/types';
import { type Privacy, privacyOf } from '../lib/format';

/**
 * Loading state of one async value: the data once loaded (kept on screen while a newer request runs),
 * the error in one shape, the answer's privacy facts, and a reload.
 */
export interface Resource<T> {
  data: T | undefined;
  /** Why the latest request failed (any failure, read as an ApiError), or null. */
  error: ApiError | null;
  loading: boolean;
  /** The answer's suppression (small counts hidden, rounding, lists shortened), when it carries one. */
  privacy: Privacy | null;
  reload: () => void;
  /** Replaces the loaded value locally (after a successful write). */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

export interface ResourceOptions {
  /** When false nothing loads and the data is cleared (e.g. a view with no event data). Default true. */
  enabled?: boolean;
}

/** Any failure as the one error shape screens read (ApiError passes through). */
export function toResourceError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({
    status: 0,
    title: 'Something went wrong',
    detail: e instanceof Error ? e.message : '',
  });
}

/** The privacy facts of an answer that carries a `suppression` block, else null. */
function privacyIn(value: unknown): Privacy | null {
  if (value === null || typeof value !== 'object' || !('suppression' in value)) return null;
  const s = (value as { suppression: unknown }).suppression;
  return s !== null && typeof s === 'object' ? privacyOf(value as SuppressedAnswer) : null;
}

/**
 * Runs `load` when `deps` change and keeps the latest result. `load` gets an AbortSignal that fires when
 * the deps change again, on reload and on unmount: pass it to the API call, so the browser cancels the
 * request and the server stops the query nobody waits for. Answers of cancelled requests are dropped.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  options: ResourceOptions = {},
): Resource<T> {
  const enabled = options.enabled ?? true;
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  useEffect(() => {
    if (!enabled) {
      setDataState(undefined);
      setError(null);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setDataState(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(toResourceError(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, enabled, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setDataState(update),
    [],
  );
  const privacy = useMemo(() => privacyIn(data), [data]);
  return { data, error, loading, privacy, reload, setData };
}
