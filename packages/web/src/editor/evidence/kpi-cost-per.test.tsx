import { KPI_LIBRARY } from '@pathlight/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { counterIds, sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import { JourneyEditor } from '../journey-editor/journey-editor';
import * as cmd from '../store/commands/index';
import { EditorStore } from '../store/editor-store';
import type { MapEvidence } from './types';

afterEach(cleanup);

const evidence: MapEvidence = {
  hasData: true,
  loading: false,
  activities: [{ name: 'ad.clicked', events: 500, cases: 400, suppressed: [] }],
  steps: [],
  kpis: [
    { id: 'k1', value: 0.5, numerator: 100, denominator: 200, suppressed: [] },
    { id: 'cost-per-acquired-patient', value: 42.1, numerator: 12630, denominator: 300, suppressed: [] },
  ],
  library: KPI_LIBRARY,
};

function mount() {
  let store: EditorStore | null = null;
  render(
    <JourneyEditor
      journey={{ version: 1, document: sampleJourney() }}
      personas={samplePersonas}
      readOnly={false}
      newId={counterIds('n')}
      evidence={evidence}
      onOpenStep={() => {}}
      onReady={(h) => {
        store = h.store;
      }}
    />,
  );
  fireEvent.click(screen.getByTestId('tab-kpis'));
  return () => store!;
}

describe('cost-per KPIs in the editor', () => {
  it('adds "Cost per acquired patient" from the library and shows money per patient with the spend', () => {
    const store = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Add Cost per acquired patient' }));
    expect(store().doc.kpis.at(-1)).toMatchObject({ id: 'cost-per-acquired-patient', splitBy: 'source' });
    const item = screen.getByTestId('kpi-cost-per-acquired-patient');
    expect(item.textContent).toContain('42.10 per patient spend 12,630 / 300 patients');
    expect(item.textContent).toContain('Marketing spend divided by the number of new patients');
    expect(item.textContent).not.toMatch(/healthcare\.md|§/);
  });

  it('edits a KPI into a cost-per one: cost activities, acquired step, split by', () => {
    const store = mount();
    fireEvent.click(within(screen.getByTestId('kpi-k1')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit KPI Call to visit' });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'cost-per' } });
    expect(within(form).getByLabelText('Better when')).toHaveProperty('value', 'lower-is-better');
    fireEvent.change(within(form).getByLabelText('Cost activities (empty = every event with a cost)'), {
      target: { value: 'ad.clicked, referral.placed' },
    });
    const stepId = store().doc.stages[0]!.steps[0]!.id;
    fireEvent.change(within(form).getByLabelText('Acquired when reaching: a step or activities'), {
      target: { value: stepId },
    });
    fireEvent.change(within(form).getByLabelText('Split by attribute (empty = no breakdown)'), {
      target: { value: 'source' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save KPI' }));
    expect(store().doc.kpis[0]).toEqual({
      id: 'k1',
      name: 'Call to visit',
      description: store().doc.kpis[0]!.description,
      reference: store().doc.kpis[0]!.reference,
      kind: 'cost-per',
      direction: 'lower-is-better',
      costActivities: ['ad.clicked', 'referral.placed'],
      acquired: { stepId },
      splitBy: 'source',
    });
  });

  it('refuses a cost-per KPI without acquired activities, inside the form', () => {
    mount();
    fireEvent.click(within(screen.getByTestId('kpi-k1')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit KPI Call to visit' });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'cost-per' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save KPI' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'The KPI was not saved:Choose the step at which a patient counts as acquired, or name at least one activity.',
    );
  });
});

describe('cost-per KPIs and step deletion', () => {
  const withCostPer = (stepId: string) => {
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(
      store.dispatch(cmd.addKpi, {
        kpi: { id: 'cpa', name: 'CPA', kind: 'cost-per', acquired: { stepId }, splitBy: 'source' },
      }),
    ).toBe(true);
    return store;
  };

  it('falls back to the deleted step’s activities', () => {
    const store = withCostPer('t3');
    expect(store.dispatch(cmd.deleteStep, { stepId: 't3' })).toBe(true);
    expect(store.doc.kpis.find((k) => k.id === 'cpa')).toMatchObject({
      acquired: { activities: ['check-in'] },
    });
  });

  it('is dropped with a deleted step that had no activities, and refuses an unknown step', () => {
    const store = withCostPer('t2');
    expect(store.dispatch(cmd.deleteStep, { stepId: 't2' })).toBe(true);
    expect(store.doc.kpis.some((k) => k.id === 'cpa')).toBe(false);
    const other = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(
      other.dispatch(cmd.addKpi, {
        kpi: { id: 'cpa', name: 'CPA', kind: 'cost-per', acquired: { stepId: 'tX' } },
      }),
    ).toBe(false);
    expect(other.ui.error).toBe('addKpi: acquired: no step "tX"');
  });
});
