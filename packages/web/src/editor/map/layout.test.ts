import type { Lane } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import { hideStep } from '../store/commands/index';
import {
  blueprintLines,
  cardVisibleFor,
  groupCards,
  hiddenPersonaTags,
  journeyPersonas,
  kpiAnchorStep,
  kpiSummary,
  mapLayout,
} from './layout';

const lane = (id: string, kind: Lane['kind']): Lane => ({ id, kind, name: id, hidden: false });

describe('mapLayout', () => {
  it('lists visible columns per stage and keeps a placeholder for an emptied stage', () => {
    let doc = hideStep(sampleJourney(), { stepId: 't3', hidden: true });
    doc = hideStep(doc, { stepId: 't4', hidden: true });
    const layout = mapLayout(doc);
    expect(layout.columns.map((c) => c.key)).toEqual(['t1', 't2', 'empty:s2']);
    expect(layout.stages.map((s) => [s.stage.id, s.start, s.span])).toEqual([
      ['s1', 0, 2],
      ['s2', 2, 1],
    ]);
    expect([...layout.lineAbove]).toEqual([
      ['l-back', 'visibility'],
      ['l-sys', 'internal'],
    ]);
  });
});

describe('blueprintLines', () => {
  it('draws visibility above systems when there is no backstage, and nothing when systems come first', () => {
    expect([...blueprintLines([lane('a', 'actions'), lane('s', 'systems')])]).toEqual([['s', 'visibility']]);
    expect([...blueprintLines([lane('s', 'systems'), lane('a', 'actions')])]).toEqual([]);
    expect([
      ...blueprintLines([
        lane('f', 'frontstage'),
        lane('b', 'backstage'),
        lane('x', 'text'),
        lane('s', 'systems'),
      ]),
    ]).toEqual([
      ['b', 'visibility'],
      ['s', 'internal'],
    ]);
  });
});

describe('cards and personas', () => {
  it('groups cards by cell in order', () => {
    const cells = groupCards(sampleJourney().cards);
    expect(cells.get('l-act|t3')!.map((c) => c.id)).toEqual(['c5', 'c6']);
  });
  it('persona filter hides cards tagged for another persona only', () => {
    const doc = sampleJourney();
    const names = samplePersonas.map((p) => p.name);
    const hidden = hiddenPersonaTags(names, 'Rosa (new patient)');
    const visible = doc.cards.filter((c) => cardVisibleFor(c, hidden, 'Rosa (new patient)')).map((c) => c.id);
    expect(visible).toEqual(['c1', 'c2', 'c3', 'c4', 'c6']);
  });
  it('journey personas come from scope then emotions, unknown ones greyed', () => {
    const doc = { ...sampleJourney(), scope: { serviceLine: '', personaIds: ['p-omar'] } };
    doc.emotions = [...doc.emotions, { personaId: 'p-gone', stepId: 't1', score: 0, note: '' }];
    expect(journeyPersonas(doc, samplePersonas)).toEqual([
      { id: 'p-omar', name: 'Omar (parent)', color: '#c2410c', marker: 'circle' },
      { id: 'p-rosa', name: 'Rosa (new patient)', color: '#2563eb', marker: 'square' },
      { id: 'p-gone', name: 'Unknown persona', color: '#6b7280', marker: 'diamond' },
    ]);
  });
  it('summarises KPIs and anchors them at their from step', () => {
    const kpi = sampleJourney().kpis[0]!;
    const names: Record<string, string> = { t2: 'Call', t3: 'Check in' };
    expect(kpiSummary(kpi, (id) => names[id] ?? id)).toBe('Call to visit · conversion · Call → Check in');
    expect(kpiAnchorStep(kpi, ['t1', 't2'])).toBe('t2');
    expect(kpiAnchorStep(kpi, ['t1'])).toBe('t1');
  });
});
