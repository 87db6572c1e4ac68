import type { Stage, Step } from '@pathlight/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { row } from '../../test-utils/analysis';
import { funnelPlaces, MORE_THAN_BEFORE_NOTE, withFunnelFacts } from './funnel-facts';
import { stepScale } from './scale';
import { ScaleKey, StepData } from './step-data';
import type { StepEvidence } from './types';

afterEach(cleanup);

const step = (id: string, name: string, activities: string[], optional = false): Step => ({
  id,
  name,
  description: '',
  optional,
  hidden: false,
  activities,
});

// Enquire → Book → (optional) Reminder → (no data) Pre-visit form → Visit, plus an unmapped Note step.
const stages: Stage[] = [
  {
    id: 's1',
    name: 'Before',
    goal: '',
    hidden: false,
    steps: [
      step('enquire', 'Enquire', ['lead.created']),
      step('note', 'Note', []),
      step('book', 'Book', ['appointment.booked']),
      step('remind', 'Reminder', ['reminder.sent'], true),
    ],
  },
  {
    id: 's2',
    name: 'Visit',
    goal: '',
    hidden: false,
    steps: [step('form', 'Pre-visit form', ['form.done']), step('visit', 'Visit', ['visit.completed'])],
  },
];
const inData = new Set(['lead.created', 'appointment.booked', 'reminder.sent', 'visit.completed']);

const metric = (stepId: string, cases: number, conv: number | null, dropOff: number | null): StepEvidence =>
  row({ stepId, cases, conversionFromPrevious: conv, dropOff, medianSecondsFromPrevious: null });

// As the server answers: the reminder is measured from Book, the form from Book, the visit from the form
// (which nobody reached, so the visit has 0 too).
const rows = [
  metric('enquire', 400, null, null),
  metric('book', 300, 0.75, 100),
  metric('remind', 30, 0.1, 270),
  metric('form', 0, 0, 300),
  metric('visit', 0, null, 0),
];

describe('funnel facts', () => {
  it('says what each mapped step is measured from, which are optional and which have no data', () => {
    const places = funnelPlaces(stages, inData);
    expect([...places.keys()]).toEqual(['enquire', 'book', 'remind', 'form', 'visit']);
    expect(places.get('remind')).toMatchObject({ measuredFrom: 'Book', optional: true, noData: false });
    // An optional step never anchors a later one: the form is measured from Book.
    expect(places.get('form')).toMatchObject({ measuredFrom: 'Book', noData: true, stepBefore: 'remind' });
    expect(places.get('visit')).toMatchObject({ measuredFrom: 'Pre-visit form', fromNoData: true });
    // Unknown activities (still loading): no step is said to lack data.
    expect(funnelPlaces(stages, null).get('form')?.noData).toBe(false);
  });

  it('notes a step with more patients than the mapped step just before it', () => {
    const withFacts = withFunnelFacts(
      [metric('enquire', 400, null, null), metric('book', 300, 0.75, 100), metric('remind', 30, 0.1, 270)],
      funnelPlaces(
        [
          {
            ...stages[0],
            steps: [...(stages[0] as Stage).steps, step('pay', 'Pay', ['lead.created'])],
          } as Stage,
        ],
        inData,
      ),
    );
    expect(withFacts.map((r) => r.funnel?.moreThanStepBefore)).toEqual([false, false, false]);
    const more = withFunnelFacts(
      [metric('book', 300, 0.75, 100), metric('remind', 30, 0.1, 270), metric('form', 250, 0.83, 50)],
      funnelPlaces(stages, new Set([...inData, 'form.done'])),
    );
    expect(more.map((r) => r.funnel?.moreThanStepBefore)).toEqual([false, false, true]);
    // A hidden count is never compared.
    const hidden = withFunnelFacts(
      [
        metric('remind', 30, 0.1, 270),
        row({ ...metric('form', 250, 0.83, 50), cases: null }, { cases: 'complementary' }),
      ],
      funnelPlaces(stages, inData),
    );
    expect(hidden.map((r) => r.funnel?.moreThanStepBefore)).toEqual([false, false]);
  });

  it('never claims the biggest drop-off on an optional step or a step without data', () => {
    const facts = withFunnelFacts(rows, funnelPlaces(stages, inData));
    const { bands, worstStepId } = stepScale(facts);
    expect(worstStepId).toBeNull(); // only Book is comparable: one step is not "the worst" of anything
    expect([...bands.keys()]).toEqual(['book']);
    // Without the facts the form (0 %) would have been the worst step.
    expect(stepScale(rows).worstStepId).toBe('form');
  });
});

describe('StepData with funnel facts', () => {
  const facts = withFunnelFacts(rows, funnelPlaces(stages, inData));
  const show = (id: string, name: string, optional = false) => {
    const m = facts.find((r) => r.stepId === id) as StepEvidence;
    render(
      <StepData
        step={step(id, name, ['x'], optional)}
        view={{ metric: m, band: null, worst: false, loading: false }}
        onOpen={undefined}
      />,
    );
    return screen.getByTestId('step-data');
  };

  it('an optional step reads as a share that took it, not as a loss', () => {
    const el = show('remind', 'Reminder', true);
    expect(el.textContent).toBe('30 patients10% took it · optional');
    expect(el.getAttribute('aria-label')).toContain('optional step: 10% of “Book” took it');
    expect(el.getAttribute('aria-label')).not.toContain('lost');
  });

  it('a step without data says so instead of claiming everyone was lost', () => {
    const el = show('form', 'Pre-visit form');
    expect(el.textContent).toBe('0 patientsno data for this step');
    expect(el.getAttribute('aria-label')).toContain('no events of this step’s activities in the data');
  });

  it('a required step names the step it is measured from', () => {
    const el = show('book', 'Book');
    expect(el.textContent).toBe('300 patients75% kept · 100 lost');
    expect(el.getAttribute('aria-label')).toContain('75% of “Enquire” kept, 100 lost');
  });

  it('a step with more patients than the step before carries a short note', () => {
    const more = withFunnelFacts(
      [metric('remind', 30, 0.1, 270), metric('form', 250, 0.83, 50)],
      funnelPlaces(stages, new Set([...inData, 'form.done'])),
    );
    render(
      <StepData
        step={step('form', 'Pre-visit form', ['form.done'])}
        view={{ metric: more[1] as StepEvidence, band: 1, worst: false, loading: false }}
        onOpen={undefined}
      />,
    );
    expect(screen.getByTestId('step-note').textContent).toBe(MORE_THAN_BEFORE_NOTE);
  });

  it('the scale key says which funnel is used', () => {
    render(<ScaleKey />);
    expect(screen.getByTestId('funnel-mode').textContent).toBe(
      'Ordered funnel: a patient counts at a step when they reached it after the step it is measured from',
    );
  });
});
