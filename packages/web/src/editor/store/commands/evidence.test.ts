import { JourneyContent, KPI_LIBRARY } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { counterIds, sampleJourney } from '../../fixtures/sample-journey';
import { EditorStore } from '../editor-store';
import * as c from './index';

type Doc = JourneyContent;

/** Dispatches through the store; checks validity, the undo label, undo to the original and redo. */
function roundTrip<A>(command: (doc: Doc, a: A) => Doc, args: A, label: string): { after: Doc; before: Doc } {
  const store = new EditorStore(sampleJourney(), { newId: counterIds() });
  const before = store.doc;
  const frozen = structuredClone(before);
  expect(store.dispatch(command, args)).toBe(true);
  expect(store.ui.error).toBeNull();
  expect(store.getSnapshot().undoLabel).toBe(label);
  const after = store.doc;
  expect(JourneyContent.safeParse(after).success).toBe(true);
  store.undo();
  expect(store.doc).toEqual(frozen);
  store.redo();
  expect(store.doc).toBe(after);
  expect(before).toEqual(frozen);
  return { after, before };
}

/** The error a refused command shows, through the store. */
function refusal<A>(command: (doc: Doc, a: A) => Doc, args: A): string | null {
  const store = new EditorStore(sampleJourney(), { newId: counterIds() });
  expect(store.dispatch(command, args)).toBe(false);
  expect(store.getSnapshot().canUndo).toBe(false);
  return store.ui.error;
}

describe('addMappedStep', () => {
  it('adds a step with its activity in one undo step', () => {
    const { after } = roundTrip(
      c.addMappedStep,
      { id: 'tN', stageId: 's2', name: 'Lab result', activities: ['lab.result', ' lab.result '], index: 1 },
      'add step from data',
    );
    const s2 = after.stages[1]!;
    expect(s2.steps.map((t) => t.id)).toEqual(['t3', 'tN', 't4']);
    expect(s2.steps[1]).toEqual({
      id: 'tN',
      name: 'Lab result',
      description: '',
      optional: false,
      hidden: false,
      activities: ['lab.result'],
    });
  });

  it('refuses an unknown stage, a used id, no activity, or an activity already mapped', () => {
    expect(refusal(c.addMappedStep, { id: 'x', stageId: 'nope', name: 'X', activities: ['a'] })).toBe(
      'addMappedStep: no stage "nope"',
    );
    expect(refusal(c.addMappedStep, { id: 't1', stageId: 's1', name: 'X', activities: ['a'] })).toBe(
      'addMappedStep: id "t1" is already used',
    );
    expect(refusal(c.addMappedStep, { id: 'x', stageId: 's1', name: 'X', activities: [' '] })).toBe(
      'addMappedStep: name at least one activity',
    );
    expect(refusal(c.addMappedStep, { id: 'x', stageId: 's1', name: 'X', activities: ['check-in'] })).toBe(
      'addMappedStep: activity "check-in" already evidences a step',
    );
  });
});

describe('KPI commands', () => {
  const noShow = KPI_LIBRARY.find((k) => k.id === 'no-show-rate')!;

  it('addKpi adds a library definition as it is, at the end by default', () => {
    const { after } = roundTrip(c.addKpi, { kpi: noShow }, 'add KPI');
    expect(after.kpis.map((k) => k.id)).toEqual(['k1', 'no-show-rate']);
    expect(after.kpis[1]).toEqual(noShow);
  });

  it('addKpi fills defaults and refuses duplicates, bad fields and missing steps', () => {
    const { after } = roundTrip(
      c.addKpi,
      {
        kpi: {
          id: 'k2',
          name: 'Time to exam',
          kind: 'duration',
          from: { stepId: 't1' },
          to: { stepId: 't4' },
        },
      },
      'add KPI',
    );
    expect(after.kpis[1]).toMatchObject({ direction: 'higher-is-better', reference: '', description: '' });
    expect(refusal(c.addKpi, { kpi: { ...noShow, id: 'k1' } })).toBe('addKpi: a KPI "k1" exists');
    expect(refusal(c.addKpi, { kpi: { ...noShow, numerator: [] } })).toBe(
      'addKpi: numerator: name at least one activity',
    );
    expect(
      refusal(c.addKpi, {
        kpi: { id: 'k3', name: 'X', kind: 'conversion', from: { stepId: 'gone' }, to: { stepId: 't1' } },
      }),
    ).toBe('addKpi: from: no step "gone"');
  });

  it('updateKpi replaces the definition, keeps the id and may change the kind', () => {
    const { after } = roundTrip(
      c.updateKpi,
      {
        kpiId: 'k1',
        kpi: {
          id: 'ignored',
          name: 'Exam no-shows',
          kind: 'rate',
          numerator: ['noshow'],
          denominator: ['noshow', 'arrived'],
          countOver: 'cases',
        },
      },
      'edit KPI',
    );
    expect(after.kpis).toEqual([
      {
        id: 'k1',
        name: 'Exam no-shows',
        description: '',
        direction: 'higher-is-better',
        reference: '',
        kind: 'rate',
        numerator: ['noshow'],
        denominator: ['noshow', 'arrived'],
        countOver: 'cases',
      },
    ]);
    expect(refusal(c.updateKpi, { kpiId: 'zz', kpi: noShow })).toBe('updateKpi: no KPI "zz"');
    expect(refusal(c.updateKpi, { kpiId: 'k1', kpi: { ...noShow, name: ' ' } })).toBe(
      'updateKpi: name: must not be empty',
    );
  });

  it('deleteKpi removes it and clears opportunities that targeted it', () => {
    const { after } = roundTrip(c.deleteKpi, { kpiId: 'k1' }, 'delete KPI');
    expect(after.kpis).toEqual([]);
    expect(after.opportunities[0]!.targetKpiId).toBeNull();
    expect(refusal(c.deleteKpi, { kpiId: 'k1x' })).toBe('deleteKpi: no KPI "k1x"');
  });
});
