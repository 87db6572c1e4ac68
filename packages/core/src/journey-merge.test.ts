import { describe, expect, it } from 'vitest';
import { type Card, JourneyContent } from './journey';
import { applyJourneyMerge, diffJourneys3, type MergeItem, mergeJourneys, sameValue } from './journey-merge';

/** A small valid map: two stages, three steps, two lanes, three cards, an emotion, a KPI, an opportunity. */
function base(): JourneyContent {
  return JourneyContent.parse({
    schemaVersion: 2,
    name: 'New-patient booking',
    scope: { serviceLine: 'Dental', personaIds: ['pe-rosa'] },
    stages: [
      {
        id: 'st-find',
        name: 'Find',
        steps: [
          { id: 'sp-search', name: 'Search', activities: ['web.visited'] },
          { id: 'sp-call', name: 'Call' },
        ],
      },
      { id: 'st-visit', name: 'Visit', steps: [{ id: 'sp-visit', name: 'First visit' }] },
    ],
    lanes: [
      { id: 'ln-touch', kind: 'touchpoints', name: 'Touchpoints' },
      { id: 'ln-pain', kind: 'pain-points', name: 'Pain points' },
    ],
    cards: [
      { id: 'c-1', laneId: 'ln-touch', stepId: 'sp-search', text: 'Search results' },
      { id: 'c-2', laneId: 'ln-pain', stepId: 'sp-call', text: 'Long hold' },
      { id: 'c-3', laneId: 'ln-pain', stepId: 'sp-call', text: 'Voicemail full' },
    ],
    emotions: [{ personaId: 'pe-rosa', stepId: 'sp-call', score: -2 }],
    kpis: [
      {
        id: 'k-conv',
        kind: 'conversion',
        name: 'Search to visit',
        from: { stepId: 'sp-search' },
        to: { stepId: 'sp-visit' },
      },
    ],
    opportunities: [
      { id: 'o-1', title: 'Call-back', cardIds: ['c-2'], stepIds: ['sp-call'], impact: 3, effort: 2 },
    ],
  });
}

type Doc = JourneyContent;
const card = (d: Doc, id: string) => d.cards.find((c) => c.id === id);
const editCard = (d: Doc, id: string, patch: Partial<Card>): Doc => ({
  ...d,
  cards: d.cards.map((c) => (c.id === id ? { ...c, ...patch } : c)),
});
const addCard = (d: Doc, c: Pick<Card, 'id' | 'laneId' | 'stepId' | 'text'>): Doc => ({
  ...d,
  cards: [
    ...d.cards,
    { tags: [], channel: null, severity: null, systemId: null, linkedCardIds: [], evidence: [], ...c },
  ],
});
const removeStep = (d: Doc, stepId: string): Doc => ({
  ...d,
  stages: d.stages.map((s) => ({ ...s, steps: s.steps.filter((t) => t.id !== stepId) })),
  cards: d.cards.filter((c) => c.stepId !== stepId),
  emotions: d.emotions.filter((e) => e.stepId !== stepId),
  opportunities: d.opportunities.map((o) => ({ ...o, stepIds: o.stepIds.filter((s) => s !== stepId) })),
});
const item = (items: readonly MergeItem[], key: string) => items.find((i) => i.key === key);
/** The merge is always a valid document. */
const valid = (d: Doc) => {
  expect(JourneyContent.safeParse(d).success).toBe(true);
  return d;
};

describe('diffJourneys3 / mergeJourneys (three-way merge of journey documents)', () => {
  it('no changes on either side: nothing listed, the merge equals the base', () => {
    const b = base();
    const m = diffJourneys3(b, base(), base());
    expect(m.items).toEqual([]);
    expect(valid(applyJourneyMerge(m))).toEqual(b);
  });

  it('takes additions from both sides, each where its side put it', () => {
    const b = base();
    const mine = addCard(b, { id: 'c-mine', laneId: 'ln-pain', stepId: 'sp-call', text: 'Mine' });
    const theirs = {
      ...addCard(b, { id: 'c-theirs', laneId: 'ln-touch', stepId: 'sp-visit', text: 'Theirs' }),
      lanes: [...b.lanes, { id: 'ln-new', kind: 'actions' as const, name: 'Actions', hidden: false }],
    };
    const { items } = diffJourneys3(b, mine, theirs);
    expect(item(items, 'card:c-mine')).toMatchObject({ mine: 'added', theirs: null, status: 'mine' });
    expect(item(items, 'card:c-theirs')).toMatchObject({ mine: null, theirs: 'added', status: 'theirs' });
    expect(item(items, 'lane:ln-new')).toMatchObject({ status: 'theirs' });
    expect(items.some((i) => i.status === 'conflict')).toBe(false);
    const merged = valid(mergeJourneys(b, mine, theirs));
    // The saved version's list comes first; my additions follow their predecessor, or go last.
    expect(merged.cards.map((c) => c.id)).toEqual(['c-1', 'c-2', 'c-3', 'c-theirs', 'c-mine']);
    expect(merged.lanes.map((l) => l.id)).toEqual(['ln-touch', 'ln-pain', 'ln-new']);
  });

  it('takes removals from both sides', () => {
    const b = base();
    const mine = { ...b, cards: b.cards.filter((c) => c.id !== 'c-1') };
    const theirs = { ...b, opportunities: [], kpis: [] };
    const merged = valid(mergeJourneys(b, mine, theirs));
    expect(card(merged, 'c-1')).toBeUndefined();
    expect(merged.opportunities).toEqual([]);
    expect(merged.kpis).toEqual([]);
    expect(merged.cards).toHaveLength(2);
  });

  it('takes edits to different items, and edits to different journey fields', () => {
    const b = base();
    const mine = { ...editCard(b, 'c-1', { text: 'Mine' }), name: 'My name' };
    const theirs = { ...editCard(b, 'c-2', { severity: 'high' as const }), status: 'live' as const };
    const merged = valid(mergeJourneys(b, mine, theirs));
    expect(card(merged, 'c-1')?.text).toBe('Mine');
    expect(card(merged, 'c-2')?.severity).toBe('high');
    expect(merged).toMatchObject({ name: 'My name', status: 'live' });
  });

  it('both edit the same card differently: a conflict, decided per item (theirs when undecided)', () => {
    const b = base();
    const mine = editCard(b, 'c-2', { text: 'On hold 6 minutes' });
    const theirs = editCard(b, 'c-2', { text: 'On hold 10 minutes' });
    const m = diffJourneys3(b, mine, theirs);
    const conflict = item(m.items, 'card:c-2');
    expect(conflict).toMatchObject({
      label: 'Long hold', // a conflict is named as both knew it
      mine: 'edited',
      theirs: 'edited',
      status: 'conflict',
      suggested: null,
    });
    expect(conflict?.base).toMatchObject({ text: 'Long hold' });
    expect(conflict?.mineValue).toMatchObject({ text: 'On hold 6 minutes' });
    expect(conflict?.theirsValue).toMatchObject({ text: 'On hold 10 minutes' });
    expect(card(applyJourneyMerge(m, { 'card:c-2': 'mine' }), 'c-2')?.text).toBe('On hold 6 minutes');
    expect(card(applyJourneyMerge(m, { 'card:c-2': 'theirs' }), 'c-2')?.text).toBe('On hold 10 minutes');
    expect(card(applyJourneyMerge(m), 'c-2')?.text).toBe('On hold 10 minutes');
  });

  it('both make the same edit: listed as the same, no conflict', () => {
    const b = base();
    const both = editCard(b, 'c-2', { text: 'Same' });
    const { items } = diffJourneys3(b, both, editCard(base(), 'c-2', { text: 'Same' }));
    expect(items).toEqual([expect.objectContaining({ key: 'card:c-2', status: 'same' })]);
  });

  it('I delete a card they edited: a conflict that suggests keeping their edit', () => {
    const b = base();
    const mine = { ...b, cards: b.cards.filter((c) => c.id !== 'c-3') };
    const theirs = editCard(b, 'c-3', { text: 'Voicemail full every Monday' });
    const m = diffJourneys3(b, mine, theirs);
    expect(item(m.items, 'card:c-3')).toMatchObject({
      mine: 'removed',
      theirs: 'edited',
      status: 'conflict',
      suggested: 'theirs',
    });
    expect(card(valid(applyJourneyMerge(m)), 'c-3')?.text).toBe('Voicemail full every Monday');
    expect(card(valid(applyJourneyMerge(m, { 'card:c-3': 'mine' })), 'c-3')).toBeUndefined();
  });

  it('they delete a card I edited: the same rule the other way round (my edit is suggested)', () => {
    const b = base();
    const mine = editCard(b, 'c-3', { text: 'Mine' });
    const theirs = { ...b, cards: b.cards.filter((c) => c.id !== 'c-3') };
    const m = diffJourneys3(b, mine, theirs);
    expect(item(m.items, 'card:c-3')).toMatchObject({ status: 'conflict', suggested: 'mine' });
    expect(card(valid(applyJourneyMerge(m)), 'c-3')?.text).toBe('Mine');
  });

  it('they delete a step I added a card to: a conflict on the step; keeping it keeps my card', () => {
    const b = base();
    const mine = addCard(b, { id: 'c-new', laneId: 'ln-pain', stepId: 'sp-call', text: 'Line busy' });
    const theirs = removeStep(b, 'sp-call');
    const m = diffJourneys3(b, mine, theirs);
    expect(item(m.items, 'step:sp-call')).toMatchObject({
      mine: 'edited',
      theirs: 'removed',
      status: 'conflict',
      suggested: 'mine',
      inside: ['card “Line busy”'],
    });
    const kept = valid(applyJourneyMerge(m));
    expect(kept.stages[0]!.steps.map((t) => t.id)).toEqual(['sp-search', 'sp-call']);
    expect(card(kept, 'c-new')?.text).toBe('Line busy');
    // Their removal of the other cards in the step is theirs alone: it stays.
    expect(card(kept, 'c-2')).toBeUndefined();
    // Choosing their deletion removes the step and everything in it, and the document stays valid.
    const removed = valid(applyJourneyMerge(m, { 'step:sp-call': 'theirs' }));
    expect(removed.stages[0]!.steps.map((t) => t.id)).toEqual(['sp-search']);
    expect(card(removed, 'c-new')).toBeUndefined();
    expect(removed.emotions).toEqual([]);
    expect(removed.opportunities[0]!.stepIds).toEqual([]);
  });

  it('a deleted step with nothing changed inside by the other side is simply deleted', () => {
    const b = base();
    const merged = valid(mergeJourneys(b, removeStep(b, 'sp-call'), editCard(b, 'c-1', { text: 'x' })));
    expect(merged.stages[0]!.steps.map((t) => t.id)).toEqual(['sp-search']);
    expect(merged.cards.map((c) => c.id)).toEqual(['c-1']);
    expect(card(merged, 'c-1')?.text).toBe('x');
  });

  it('a deleted stage whose step the other side renamed is a conflict naming the step', () => {
    const b = base();
    const mine = {
      ...b,
      stages: b.stages.filter((s) => s.id !== 'st-visit'),
      kpis: [],
    };
    const theirs = {
      ...b,
      stages: b.stages.map((s) =>
        s.id === 'st-visit' ? { ...s, steps: [{ ...s.steps[0]!, name: 'First appointment' }] } : s,
      ),
    };
    const m = diffJourneys3(b, mine, theirs);
    expect(item(m.items, 'stage:st-visit')).toMatchObject({
      status: 'conflict',
      suggested: 'theirs',
      inside: ['step “First appointment”'],
    });
    // Keeping my deletion: the step goes with its stage; the KPI that pointed at it was deleted by me.
    const merged = valid(applyJourneyMerge(m, { 'stage:st-visit': 'mine', 'step:sp-visit': 'mine' }));
    expect(merged.stages.map((s) => s.id)).toEqual(['st-find']);
    expect(merged.kpis).toEqual([]);
  });

  it('a KPI end on a removed step falls back to the step activities, or the KPI goes', () => {
    const b = base();
    const mine = editCard(b, 'c-1', { text: 'changed' });
    const theirs = removeStep(removeStep(b, 'sp-search'), 'sp-search');
    const merged = valid(mergeJourneys(b, mine, { ...theirs, cards: theirs.cards }));
    // c-1 sat in the removed step and I edited it: the step is a conflict, kept by default.
    expect(merged.stages[0]!.steps[0]!.id).toBe('sp-search');
    const dropped = valid(
      applyJourneyMerge(diffJourneys3(b, mine, theirs), { 'step:sp-search': 'theirs', 'card:c-1': 'theirs' }),
    );
    expect(dropped.kpis[0]).toMatchObject({
      from: { activities: ['web.visited'] },
      to: { stepId: 'sp-visit' },
    });
  });

  it('emotion points, persona links, opportunities and KPIs merge per item', () => {
    const b = base();
    const mine = {
      ...b,
      emotions: [{ personaId: 'pe-rosa', stepId: 'sp-call', score: -1, note: '' }],
      scope: { ...b.scope, personaIds: ['pe-rosa', 'pe-omar'] },
    };
    const theirs = {
      ...b,
      emotions: [
        { personaId: 'pe-rosa', stepId: 'sp-call', score: 1, note: '' },
        { personaId: 'pe-rosa', stepId: 'sp-visit', score: 2, note: '' },
      ],
      opportunities: [{ ...b.opportunities[0]!, impact: 5 }],
      kpis: [{ ...b.kpis[0]!, name: 'Search → visit' }],
    };
    const m = diffJourneys3(b, mine, theirs);
    expect(item(m.items, 'emotion:pe-rosa|sp-call')).toMatchObject({
      status: 'conflict',
      label: 'Emotion at Call',
    });
    expect(item(m.items, 'emotion:pe-rosa|sp-visit')).toMatchObject({ status: 'theirs', theirs: 'added' });
    expect(item(m.items, 'persona:pe-omar')).toMatchObject({ status: 'mine', mine: 'added' });
    expect(item(m.items, 'opportunity:o-1')).toMatchObject({ status: 'theirs' });
    expect(item(m.items, 'kpi:k-conv')).toMatchObject({ status: 'theirs', label: 'Search → visit' });
    const merged = valid(applyJourneyMerge(m, { 'emotion:pe-rosa|sp-call': 'mine' }));
    expect(merged.emotions.map((e) => [e.stepId, e.score])).toEqual([
      ['sp-call', -1],
      ['sp-visit', 2],
    ]);
    expect(merged.scope.personaIds).toEqual(['pe-rosa', 'pe-omar']);
    expect(merged.opportunities[0]!.impact).toBe(5);
    expect(merged.kpis[0]!.name).toBe('Search → visit');
  });

  it('order: a reorder by one side is taken, and the other side’s additions keep their place', () => {
    const b = base();
    const mine = { ...b, stages: [...b.stages].reverse() };
    const theirs = {
      ...b,
      stages: [...b.stages, { id: 'st-after', name: 'Aftercare', goal: '', hidden: false, steps: [] }],
    };
    const m = diffJourneys3(b, mine, theirs);
    expect(item(m.items, 'order:stages')).toMatchObject({ status: 'mine', mine: 'edited', theirs: null });
    const merged = valid(applyJourneyMerge(m));
    expect(merged.stages.map((s) => s.id)).toEqual(['st-visit', 'st-find', 'st-after']);
  });

  it('order: adding or removing is not a reorder', () => {
    const b = base();
    const mine = addCard(b, { id: 'c-x', laneId: 'ln-pain', stepId: 'sp-call', text: 'x' });
    const theirs = { ...b, cards: b.cards.filter((c) => c.id !== 'c-2') };
    expect(diffJourneys3(b, mine, theirs).items.filter((i) => i.kind === 'order')).toEqual([]);
  });

  it('order: both reorder the same cell differently: a conflict with both orders named', () => {
    const b = addCard(base(), { id: 'c-4', laneId: 'ln-pain', stepId: 'sp-call', text: 'Rude' });
    const order = (ids: string[]) => ({
      ...b,
      cards: [b.cards[0]!, ...ids.map((id) => card(b, id)!)],
    });
    const mine = order(['c-4', 'c-2', 'c-3']);
    const theirs = order(['c-3', 'c-2', 'c-4']);
    const m = diffJourneys3(b, mine, theirs);
    const o = item(m.items, 'order:cards:ln-pain|sp-call');
    expect(o).toMatchObject({ status: 'conflict', label: 'Order of the cards in Pain points · Call' });
    expect(o?.mineValue).toEqual([
      { id: 'c-4', label: 'Rude' },
      { id: 'c-2', label: 'Long hold' },
      { id: 'c-3', label: 'Voicemail full' },
    ]);
    const inCell = (d: Doc) => d.cards.filter((c) => c.stepId === 'sp-call').map((c) => c.id);
    expect(inCell(applyJourneyMerge(m, { 'order:cards:ln-pain|sp-call': 'mine' }))).toEqual([
      'c-4',
      'c-2',
      'c-3',
    ]);
    expect(inCell(applyJourneyMerge(m))).toEqual(['c-3', 'c-2', 'c-4']);
  });

  it('order: reorders of different cells do not conflict', () => {
    const b = addCard(base(), { id: 'c-5', laneId: 'ln-touch', stepId: 'sp-search', text: 'Ad' });
    const swap = (d: Doc, a: string, z: string): Doc => {
      const ia = d.cards.findIndex((c) => c.id === a);
      const iz = d.cards.findIndex((c) => c.id === z);
      const cards = [...d.cards];
      [cards[ia], cards[iz]] = [cards[iz]!, cards[ia]!];
      return { ...d, cards };
    };
    const merged = valid(mergeJourneys(b, swap(b, 'c-1', 'c-5'), swap(b, 'c-2', 'c-3')));
    const ids = (stepId: string) => merged.cards.filter((c) => c.stepId === stepId).map((c) => c.id);
    expect(ids('sp-search')).toEqual(['c-5', 'c-1']);
    expect(ids('sp-call')).toEqual(['c-3', 'c-2']);
  });

  it('a card moved to another cell by me and edited by them is a conflict (the whole card is one item)', () => {
    const b = base();
    const mine = editCard(b, 'c-1', { stepId: 'sp-visit' });
    const theirs = editCard(b, 'c-1', { text: 'Search ads' });
    const m = diffJourneys3(b, mine, theirs);
    expect(item(m.items, 'card:c-1')).toMatchObject({ status: 'conflict', suggested: null });
    expect(card(applyJourneyMerge(m, { 'card:c-1': 'mine' }), 'c-1')).toMatchObject({
      stepId: 'sp-visit',
      text: 'Search results',
    });
  });

  it('links to cards the merge removes are dropped, so the document stays valid', () => {
    const b = base();
    const mine = {
      ...b,
      cards: b.cards.map((c) => (c.id === 'c-1' ? { ...c, linkedCardIds: ['c-3'] } : c)),
    };
    const theirs = { ...b, cards: b.cards.filter((c) => c.id !== 'c-3') };
    const merged = valid(mergeJourneys(b, mine, theirs));
    expect(card(merged, 'c-1')?.linkedCardIds).toEqual([]);
  });

  it('sameValue compares plain values regardless of key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
  });
});
