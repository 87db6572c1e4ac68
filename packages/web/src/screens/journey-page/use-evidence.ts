import { useEffect, useRef, useState } from 'react';
import type { AnalysisFilter } from './evidence-api';

/** `value` after it has stopped changing for `ms` (the filter bar refetches once typing pauses). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** Latest-wins async state that keeps the previous value while a new request runs (no flashing). */
export interface Live<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
}

/**
 * Runs `load` whenever `key` changes (stringified), keeping the last data on screen while loading;
 * an answer to an older key is dropped. `enabled: false` skips loading and clears the data.
 */
export function useLive<T>(load: () => Promise<T>, key: unknown, enabled = true): Live<T> {
  const [state, setState] = useState<Live<T>>({ data: null, loading: enabled, error: null });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyText = JSON.stringify(key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the serialised key on purpose
  useEffect(() => {
    if (!enabled) {
      // Same state object when already idle, so a disabled key change re-renders nothing.
      setState((s) =>
        s.data === null && !s.loading && s.error === null ? s : { data: null, loading: false, error: null },
      );
      return;
    }
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => {
        if (mine === seq.current) setState({ data, loading: false, error: null });
      },
      (error: unknown) => {
        if (mine === seq.current) setState((s) => ({ data: s.data, loading: false, error }));
      },
    );
  }, [keyText, enabled]);
  return state;
}

/** A stable identity for a request filter (same content, same string). */
export const filterKey = (f: AnalysisFilter) => JSON.stringify(f);
