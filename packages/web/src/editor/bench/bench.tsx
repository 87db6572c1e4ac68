// Dev-only page for e2e/bench-editor.ts and screenshots: the real JourneyEditor on a generated map.
import { createRoot } from 'react-dom/client';
import '../../styles/tokens.css';
import { bigJourney } from '../fixtures/big-journey';
import { sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import { JourneyEditor } from '../journey-editor/journey-editor';
import type { EditorStore } from '../store/editor-store';

declare global {
  interface Window {
    __bench: { store: EditorStore | null; renderedAt: number | null; startedAt: number };
  }
}

const params = new URLSearchParams(location.search);
const doc = params.get('doc') === 'sample' ? sampleJourney() : bigJourney();
const readOnly = params.get('readOnly') === '1';
window.__bench = { store: null, renderedAt: null, startedAt: performance.now() };
let n = 0;
createRoot(document.getElementById('root')!).render(
  <JourneyEditor
    journey={{ version: 1, document: doc }}
    personas={samplePersonas}
    readOnly={readOnly}
    save={async (_d, v) => ({ ok: true, version: v + 1 })}
    newId={() => `bench-${++n}`}
    onReady={({ store }) => {
      window.__bench.store = store;
      // after the commit that mounted the map: the next frame is painted
      requestAnimationFrame(() =>
        setTimeout(() => {
          window.__bench.renderedAt ??= performance.now();
        }, 0),
      );
    }}
  />,
);
