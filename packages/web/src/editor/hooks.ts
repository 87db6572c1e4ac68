import type { Persona } from '@pathlight/core';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Autosave, AutosaveState } from './store/autosave';
import type { EditorSnapshot, EditorStore } from './store/editor-store';

export interface EditorContextValue {
  store: EditorStore;
  readOnly: boolean;
  personas: readonly Persona[];
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/** The editor store and mode of the surrounding `JourneyEditor`. */
export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor: render inside <JourneyEditor> (no EditorContext found)');
  return value;
}

/** Reads a slice of the editor snapshot; re-renders only when that slice changes identity. */
export function useEditorState<T>(select: (s: EditorSnapshot) => T): T {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()));
}

const idle: AutosaveState = { status: 'saved', version: 0, conflict: null, lastError: null };
const noop = () => () => {};

/** The autosave status (or a constant "saved" when there is no autosave, e.g. read-only). */
export function useAutosaveState(autosave: Autosave | null): AutosaveState {
  return useSyncExternalStore(autosave?.subscribe ?? noop, autosave ? autosave.getSnapshot : () => idle);
}
