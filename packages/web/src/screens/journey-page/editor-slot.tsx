import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/status';
import type { JourneyMapProps } from './journey-map';

// The editor (React Flow, ELK, export libraries) and the evidence views are a large chunk: load them
// only on a journey page.
const LazyMap = lazy(async () => ({ default: (await import('./journey-map')).JourneyMap }));

/** The map editor with live data (its own Map / Opportunities / KPIs views), loaded on demand. */
export function EditorSlot(props: JourneyMapProps) {
  return (
    <Suspense fallback={<Loading what="the map editor" />}>
      <LazyMap {...props} />
    </Suspense>
  );
}
