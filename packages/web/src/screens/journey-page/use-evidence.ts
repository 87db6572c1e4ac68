import { useEffect, useState } from 'react';
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

/** A stable identity for a request filter (same content, same string). */
export const filterKey = (f: AnalysisFilter) => JSON.stringify(f);
