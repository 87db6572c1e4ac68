import { KPI_LIBRARY } from '@pathlight/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HIDDEN_HELP } from '../../lib/format';
import { row, visibleText } from '../../test-utils/analysis';
import { counterIds, sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import { JourneyEditor } from '../journey-editor/journey-editor';
import { setStepActivities } from '../store/commands/index';
import type { EditorStore } from '../store/editor-store';
import type { MapEvidence } from './types';

afterEach(cleanup);

const evidence: MapEvidence = {
  hasData: true,
  loading: false,
  activities: [
    { name: 'web visit', events: 500, cases: 400, suppressed: [] },
    { name: 'call.received', events: 320, cases: 300, suppressed: [] },
    { name: 'check-in', events: 210, cases: 200, suppressed: [] },
    { name: 'exam.done', events: 150, cases: null, suppressed: ['cases'] },
  ],
  // t1 and t3 are mapped in the sample journey; t2 and t4 are not.
  steps: [
    {
      stepId: 't1',
      cases: 400,
      conversionFromPrevious: null,
      dropOff: null,
      medianSecondsFromPrevious: null,
      suppressed: [],
    },
    // A viewer's small step: 8 patients ("<11"), the larger count lost hidden with it, the rate and wait on them.
    row(
      { stepId: 't3', cases: 8, conversionFromPrevious: 0.02, dropOff: 392, medianSecondsFromPrevious: 3600 },
      {
        cases: 'small',
        conversionFromPrevious: 'derived',
        dropOff: 'complementary',
        medianSecondsFromPrevious: 'derived',
      },
    ),
  ],
  kpis: [{ id: 'k1', value: 0.5, numerator: 100, denominator: 200, suppressed: [] }],
  library: KPI_LIBRARY,
};

function mount(ev: MapEvidence, readOnly = false) {
  let store: EditorStore | null = null;
  const opened: string[] = [];
  render(
    <JourneyEditor
      journey={{ version: 1, document: sampleJourney() }}
      personas={samplePersonas}
      readOnly={readOnly}
      newId={counterIds('n')}
      evidence={ev}
      onOpenStep={(id) => opened.push(id)}
      onReady={(h) => {
        store = h.store;
      }}
    />,
  );
  return { store: () => store!, opened };
}

describe('evidence on the map', () => {
  it('shows step numbers, "<11" only on a small count, "hidden" with its reason elsewhere, KPIs and the key', () => {
    const { opened } = mount(evidence);
    const data = screen.getAllByTestId('step-data');
    expect(data).toHaveLength(2);
    expect(within(data[0]!).getByTestId('step-cases').textContent).toBe('400');
    expect(data[0]!.textContent).toContain('first measured step');
    const small = within(data[1]!).getByTestId('step-cases');
    expect(small.textContent).toBe('<11');
    expect(small.getAttribute('title')).toBe(HIDDEN_HELP.small);
    expect(small.getAttribute('title')).toContain('suppressed');
    for (const [id, help] of [
      ['step-conversion', HIDDEN_HELP.derived],
      ['step-dropoff', HIDDEN_HELP.complementary],
      ['step-wait', HIDDEN_HELP.derived],
    ] as const) {
      const el = within(data[1]!).getByTestId(id);
      expect(el.textContent).toBe('hidden');
      expect(el.getAttribute('title')).toBe(help);
    }
    expect(visibleText(data[1]!)).toBe('<11 patientshidden kept · hidden lostwait hidden median');
    expect(within(data[1]!).getAllByText('<11')).toHaveLength(1);
    // the step's label says why, once per reason
    expect(data[1]!.getAttribute('aria-label')).toContain(HIDDEN_HELP.complementary);
    expect(screen.getByTestId('kpi-value').textContent).toBe('50% (100 / 200)');
    const key = screen.getByTestId('scale-key');
    expect(key.textContent).toContain('<11 = 1 to 10 patients, hidden');
    expect(key.textContent).toContain('hidden = held back so a small count cannot be worked out');
    fireEvent.click(data[0]!);
    expect(opened).toEqual(['t1']);
    // editors get "Map data" on the two unmapped steps
    expect(screen.getAllByRole('button', { name: /^Map data to/ })).toHaveLength(2);
  });

  it('marks the worst step with words as well as colour', () => {
    const { store } = mount({
      ...evidence,
      steps: [
        {
          stepId: 't1',
          cases: 400,
          conversionFromPrevious: null,
          dropOff: null,
          medianSecondsFromPrevious: null,
          suppressed: [],
        },
        {
          stepId: 't2',
          cases: 360,
          conversionFromPrevious: 0.9,
          dropOff: 40,
          medianSecondsFromPrevious: 45 * 60,
          suppressed: [],
        },
        {
          stepId: 't3',
          cases: 100,
          conversionFromPrevious: 0.25,
          dropOff: 300,
          medianSecondsFromPrevious: 3.2 * 86400,
          suppressed: [],
        },
      ],
    });
    act(() => {
      store().dispatch(setStepActivities, { stepId: 't2', activities: ['call.received'] });
    });
    const [, fine, worst] = screen.getAllByTestId('step-data') as [HTMLElement, HTMLElement, HTMLElement];
    expect(fine.className).toContain('pl-sev--0');
    expect(fine.className).not.toContain('worst');
    expect(within(fine).getByTestId('step-wait').textContent).toBe('45 min');
    expect(worst.className).toContain('pl-stepdata--worst');
    expect(worst.className).toContain('pl-sev--3');
    expect(worst.textContent).toContain('▼ Biggest drop-off');
    expect(within(worst).getByTestId('step-wait').textContent).toBe('3.2 d');
    expect(worst.getAttribute('aria-label')).toContain('biggest drop-off on the map');
  });

  it('maps a step from a suggestion in the picker, undoably', () => {
    const { store } = mount(evidence);
    fireEvent.click(screen.getByRole('button', { name: 'Map data to Call the practice' }));
    const suggestions = screen.getByTestId('activity-suggestions');
    expect(within(suggestions).getAllByRole('checkbox')[0]!.closest('label')!.textContent).toContain(
      'call.received',
    );
    fireEvent.click(within(suggestions).getAllByRole('checkbox')[0]!);
    fireEvent.click(screen.getByTestId('activities-save'));
    expect(store().doc.stages[0]!.steps[1]!.activities).toEqual(['call.received']);
    expect(store().getSnapshot().undoLabel).toBe('edit step activities');
    act(() => store().undo());
    expect(store().doc.stages[0]!.steps[1]!.activities).toEqual([]);
  });

  it('adds a library KPI in one click from the KPIs tab, its formula in words and no internal reference', () => {
    const { store } = mount(evidence);
    fireEvent.click(screen.getByTestId('tab-kpis'));
    const panel = screen.getByTestId('kpi-panel');
    fireEvent.click(within(panel).getByRole('button', { name: 'Add No-show rate' }));
    expect(store().doc.kpis.map((k) => k.id)).toEqual(['k1', 'no-show-rate']);
    const added = screen.getByTestId('kpi-no-show-rate');
    expect(added.textContent).toContain('Share of booked appointments the patient did not attend');
    expect(panel.textContent).not.toMatch(/healthcare\.md|§/);
    expect(within(panel).getByRole('button', { name: 'No-show rate is on this journey' })).toHaveProperty(
      'disabled',
      true,
    );
    act(() => store().undo());
    expect(store().doc.kpis.map((k) => k.id)).toEqual(['k1']);
  });

  it('edits a KPI and reports a command refusal inside the form', () => {
    const { store } = mount(evidence);
    fireEvent.click(screen.getByTestId('tab-kpis'));
    fireEvent.click(within(screen.getByTestId('kpi-k1')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit KPI Call to visit' });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'rate' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save KPI' }));
    // Sentences per field, never the schema's raw message.
    const alert = within(form).getByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Name at least one activity to count, such as appointment.noshow.',
      'Name at least one activity the share is out of, such as appointment.booked.',
    ]);
    expect(alert.textContent).not.toMatch(/updateKpi|numerator:/);
    expect(form.querySelector('[data-field="numerator"]')?.textContent).toBe(
      'Name at least one activity to count, such as appointment.noshow.',
    );
    fireEvent.change(within(form).getByLabelText('Numerator activities'), { target: { value: 'exam.done' } });
    fireEvent.change(within(form).getByLabelText('Denominator activities'), {
      target: { value: 'check-in, exam.done' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save KPI' }));
    expect(store().doc.kpis[0]).toMatchObject({
      id: 'k1',
      kind: 'rate',
      numerator: ['exam.done'],
      denominator: ['check-in', 'exam.done'],
    });
  });

  it('reads a hidden number "hidden" when an older server gives no reason', () => {
    mount({
      ...evidence,
      steps: [
        {
          stepId: 't1',
          cases: null,
          conversionFromPrevious: null,
          dropOff: null,
          medianSecondsFromPrevious: null,
          suppressed: ['cases'],
        },
      ],
      kpis: [
        { id: 'k1', value: null, numerator: null, denominator: 200, suppressed: ['value', 'numerator'] },
      ],
    });
    const cases = screen.getByTestId('step-cases');
    expect(cases.textContent).toBe('hidden');
    expect(cases.getAttribute('title')).toBe(HIDDEN_HELP.unknown);
    expect(visibleText(screen.getByTestId('kpi-value'))).toBe('hidden (hidden / 200)');
    expect(screen.queryByText('<11')).toBeNull();
  });

  it('viewers see numbers but no "Map data" and no KPI editing', () => {
    mount(evidence, true);
    expect(screen.getAllByTestId('step-data')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /^Map data to/ })).toBeNull();
    fireEvent.click(screen.getByTestId('tab-kpis'));
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByText('Ready-made KPIs')).toBeNull();
  });
});
