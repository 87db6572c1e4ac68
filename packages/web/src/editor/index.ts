/**
 * @module editor
 * The journey map editor: a plain-TypeScript store of commands with undo/redo and autosave,
 * and the React components that bind to it.
 */

export { download, fileStem } from '../lib/download';
export { OpportunityBoard } from './board/opportunity-board';
export { quadrantOf } from './board/quadrant';
export { suggestActivities } from './evidence/similarity';
export type { ActivityEvidence, KpiEvidence, MapEvidence, StepEvidence } from './evidence/types';
export { cardsToCsv } from './export/csv';
export { mapToPng, mapToSvg } from './export/image';
export { type JourneyExport, journeyToExport, parseJourneyExport } from './export/json';
export { mapToPoster, type PosterInput, type PosterNumbers, type PosterSize } from './export/poster';
export { JourneyEditor, type JourneyEditorProps } from './journey-editor/journey-editor';
export type { StepMetrics } from './map/map-grid';
export {
  Autosave,
  type AutosaveState,
  type SaveConflict,
  type SaveFn,
  type SaveResult,
  type SaveStatus,
} from './store/autosave';
export { addMappedStep } from './store/commands/evidence';
export { type DiffEntry, diffJourneys } from './store/diff';
export { type EditorSnapshot, EditorStore } from './store/editor-store';
