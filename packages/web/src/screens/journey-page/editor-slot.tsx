import type { Journey, Persona } from '@pathlight/core';
import { type ComponentType, lazy, Suspense } from 'react';
import type { SaveResult } from '../../api';
import { Loading } from '../../ui/status';

/** What the journey page hands the map editor and the opportunity board. */
export interface EditorProps {
  journey: Journey;
  personas: Persona[];
  readOnly: boolean;
  save: (doc: Journey['document'], baseVersion: number) => Promise<SaveResult>;
}

type EditorModule = {
  JourneyEditor?: ComponentType<EditorProps>;
  OpportunityBoard?: ComponentType<EditorProps>;
};

// The editor is built alongside the shell; a glob import lets the shell build before it exists
// and keeps the editor (React Flow, ELK, ECharts) in its own lazily loaded chunk.
const modules = import.meta.glob<EditorModule>('../../editor/index.ts');
const loadEditor = Object.values(modules)[0];

function Placeholder({ what }: { what: string }) {
  return (
    <div className="banner banner-info" role="status">
      The {what} is not available in this build yet.
    </div>
  );
}

function lazyPart(name: keyof EditorModule, what: string) {
  return lazy(async (): Promise<{ default: ComponentType<EditorProps> }> => {
    const mod: EditorModule = loadEditor ? await loadEditor() : {};
    return { default: mod[name] ?? (() => <Placeholder what={what} />) };
  });
}

const LazyEditor = lazyPart('JourneyEditor', 'map editor');
const LazyBoard = lazyPart('OpportunityBoard', 'opportunity board');

/** The map editor, loaded on demand. */
export function EditorSlot(props: EditorProps) {
  return (
    <Suspense fallback={<Loading what="the map editor" />}>
      <LazyEditor {...props} />
    </Suspense>
  );
}

/** The opportunity board, loaded on demand. */
export function BoardSlot(props: EditorProps) {
  return (
    <Suspense fallback={<Loading what="the opportunity board" />}>
      <LazyBoard {...props} />
    </Suspense>
  );
}
