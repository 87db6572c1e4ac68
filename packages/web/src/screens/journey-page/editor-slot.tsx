import { lazy, Suspense } from 'react';
import type { JourneyEditorProps } from '../../editor';
import { Loading } from '../../ui/status';

// The editor (React Flow, ELK, export libraries) is a large chunk: load it only on a journey page.
const LazyEditor = lazy(async () => ({ default: (await import('../../editor')).JourneyEditor }));

/** The map editor (with its own Map / Opportunities views), loaded on demand. */
export function EditorSlot(props: JourneyEditorProps) {
  return (
    <Suspense fallback={<Loading what="the map editor" />}>
      <LazyEditor {...props} />
    </Suspense>
  );
}
