import type {
  BlueprintSystem,
  Card,
  EmotionPoint,
  JourneyContent,
  Lane,
  Opportunity,
  Stage,
  Step,
} from './journey';
import type { ActivityRef, KpiDefinition } from './kpi';

/**
 * Three-way merge of journey documents: what I changed and what someone else saved since the
 * version we both started from. Items are compared whole (a stage's own fields, a step with its
 * stage, a card with its cell…): a change by one side is taken as it is; both sides changing the
 * same item differently is a conflict the user decides.
 *
 * When one side deletes an item the other side edited (or put new content inside, such as a
 * card in a deleted step), that is a conflict too, and the suggested answer keeps the edit:
 * deleting again costs one click, while losing a colleague's edit silently cannot be undone.
 */

/** What one side did to an item, compared with the base; null when it left it as it was. */
export type MergeSideChange = 'added' | 'removed' | 'edited' | null;

export type MergeSide = 'mine' | 'theirs';

/** A stage's own fields (its steps are items of their own). */
export type MergeStage = Omit<Stage, 'steps'>;
/** A step with the stage it sits in: moving it to another stage is an edit of the step. */
export type MergeStep = Step & { stageId: string };
/** A list order: the ids in order, with a label each. */
export type MergeOrder = readonly { id: string; label: string }[];

interface ItemOf<K extends string, V> {
  kind: K;
  /** Unique in one merge: `${kind}:${id}`. */
  key: string;
  id: string;
  label: string;
  mine: MergeSideChange;
  theirs: MergeSideChange;
  /**
   * `mine` / `theirs`: only that side changed it, taken automatically; `same`: both made the
   * same change; `conflict`: both changed it differently, the user chooses.
   */
  status: MergeSide | 'same' | 'conflict';
  /** For a conflict: the side that keeps an edit the other side deleted; null when both edited. */
  suggested: MergeSide | null;
  /** For a deleted item whose content the other side changed: what changed inside it. */
  inside: readonly string[];
  base: V | null;
  mineValue: V | null;
  theirsValue: V | null;
}

export type MergeItem =
  | ItemOf<'journey', unknown>
  | ItemOf<'stage', MergeStage>
  | ItemOf<'step', MergeStep>
  | ItemOf<'lane', Lane>
  | ItemOf<'card', Card>
  | ItemOf<'emotion', EmotionPoint>
  | ItemOf<'system', BlueprintSystem>
  | ItemOf<'opportunity', Opportunity>
  | ItemOf<'persona', string>
  | ItemOf<'kpi', KpiDefinition>
  | ItemOf<'order', MergeOrder>;

export type MergeItemKind = MergeItem['kind'];

/** The differences of a three-way merge; resolve it with `applyJourneyMerge`. */
export interface JourneyMerge {
  base: JourneyContent;
  mine: JourneyContent;
  theirs: JourneyContent;
  /** Every item either side changed, in map order (journey fields, stages, steps, lanes, cards…). */
  items: readonly MergeItem[];
}

/** Choices for conflicts by item key; a conflict without one takes `suggested`, else theirs. */
export type MergeChoices = Readonly<Record<string, MergeSide>>;

const META_FIELDS = {
  name: 'Journey name',
  description: 'Journey description',
  question: 'Question the map answers',
  status: 'Journey status',
  tags: 'Journey tags',
  ownerId: 'Journey owner',
  reviewCadenceDays: 'Review cadence',
  lastReviewedAt: 'Last reviewed',
  serviceLine: 'Service line',
  subject: 'What the journey follows',
} as const;
type MetaField = keyof typeof META_FIELDS;

function metaOf(doc: JourneyContent, field: MetaField): unknown {
  return field === 'serviceLine' ? doc.scope.serviceLine : doc[field];
}

/** Structural equality of plain JSON values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function change<V>(base: V | null, side: V | null): MergeSideChange {
  if (base === null) return side === null ? null : 'added';
  if (side === null) return 'removed';
  return sameValue(base, side) ? null : 'edited';
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function stagesOf(doc: JourneyContent): Map<string, MergeStage> {
  return new Map(doc.stages.map(({ steps: _steps, ...s }) => [s.id, s]));
}
function stepsOf(doc: JourneyContent): Map<string, MergeStep> {
  return new Map(doc.stages.flatMap((s) => s.steps.map((t) => [t.id, { ...t, stageId: s.id }] as const)));
}
const emotionKey = (e: Pick<EmotionPoint, 'personaId' | 'stepId'>) => `${e.personaId}|${e.stepId}`;
const cellOf = (c: Pick<Card, 'laneId' | 'stepId'>) => `${c.laneId}|${c.stepId}`;

function byId<V extends { id: string }>(list: readonly V[]): Map<string, V> {
  return new Map(list.map((x) => [x.id, x]));
}

/** Union of keys in a stable order: theirs, then keys only mine has, then keys only the base has. */
function unionKeys(...maps: ReadonlyMap<string, unknown>[]): string[] {
  const out = new Set<string>();
  for (const m of [maps[2]!, maps[1]!, maps[0]!]) for (const k of m.keys()) out.add(k);
  return [...out];
}

function compare<K extends MergeItemKind, V>(
  kind: K,
  base: ReadonlyMap<string, V>,
  mine: ReadonlyMap<string, V>,
  theirs: ReadonlyMap<string, V>,
  label: (v: V, id: string) => string,
): ItemOf<K, V>[] {
  const out: ItemOf<K, V>[] = [];
  for (const id of unionKeys(base, mine, theirs)) {
    const b = base.get(id) ?? null;
    const m = mine.get(id) ?? null;
    const t = theirs.get(id) ?? null;
    const mc = change(b, m);
    const tc = change(b, t);
    if (mc === null && tc === null) continue;
    const status = mc === null ? 'theirs' : tc === null ? 'mine' : sameValue(m, t) ? 'same' : 'conflict';
    const suggested = status !== 'conflict' ? null : m === null ? 'theirs' : t === null ? 'mine' : null;
    out.push({
      kind,
      key: `${kind}:${id}`,
      id,
      // Named as the side taken has it; a conflict as both knew it (the base), else as it is now.
      label: label(
        (status === 'mine' ? (m ?? b) : status === 'conflict' ? (b ?? m ?? t) : (t ?? m ?? b))!,
        id,
      ),
      mine: mc,
      theirs: tc,
      status,
      suggested,
      inside: [],
      base: b,
      mineValue: m,
      theirsValue: t,
    });
  }
  return out;
}

/** The ids of `list` that are also in `common`, in `list`'s order. */
const relative = (list: readonly string[], common: ReadonlySet<string>) =>
  list.filter((id) => common.has(id));

/** Whether each side reordered the ids all three lists share. */
function orderChange(base: readonly string[], mine: readonly string[], theirs: readonly string[]) {
  const inMine = new Set(mine);
  const inTheirs = new Set(theirs);
  const common = new Set(base.filter((id) => inMine.has(id) && inTheirs.has(id)));
  const b = relative(base, common);
  const m = relative(mine, common);
  const t = relative(theirs, common);
  const mineMoved = !sameValue(b, m);
  const theirsMoved = !sameValue(b, t);
  return { mineMoved, theirsMoved, conflict: mineMoved && theirsMoved && !sameValue(m, t) };
}

/**
 * One list order from three: the chosen side's order of the ids kept, with ids only the other
 * side has inserted after the id that precedes them there.
 */
function mergeOrder(
  primary: readonly string[],
  secondary: readonly string[],
  keep: ReadonlySet<string>,
): string[] {
  const out = primary.filter((id) => keep.has(id));
  const placed = new Set(out);
  let previous: string | null = null;
  for (const [i, id] of secondary.entries()) {
    if (keep.has(id) && !placed.has(id)) {
      // After its predecessor there; at the end when nothing both lists hold follows it.
      const last = !secondary.slice(i + 1).some((next) => placed.has(next));
      const at = last ? out.length : previous === null ? 0 : out.indexOf(previous) + 1;
      out.splice(at, 0, id);
      placed.add(id);
    }
    if (placed.has(id)) previous = id;
  }
  for (const id of keep) if (!placed.has(id)) out.push(id); // only in the base (kept by neither order)
  return out;
}

interface OrderSpec {
  id: string;
  label: string;
  base: readonly string[];
  mine: readonly string[];
  theirs: readonly string[];
  names: (id: string) => string;
}

function orderItem(spec: OrderSpec): ItemOf<'order', MergeOrder> | null {
  const c = orderChange(spec.base, spec.mine, spec.theirs);
  if (!c.mineMoved && !c.theirsMoved) return null;
  const named = (ids: readonly string[]) => ids.map((id) => ({ id, label: spec.names(id) }));
  return {
    kind: 'order',
    key: `order:${spec.id}`,
    id: spec.id,
    label: spec.label,
    mine: c.mineMoved ? 'edited' : null,
    theirs: c.theirsMoved ? 'edited' : null,
    status: c.conflict ? 'conflict' : !c.mineMoved ? 'theirs' : !c.theirsMoved ? 'mine' : 'same',
    suggested: null,
    inside: [],
    base: named(spec.base),
    mineValue: named(spec.mine),
    theirsValue: named(spec.theirs),
  };
}

/** Marks a deletion as a conflict when the other side changed something inside the deleted item. */
function deletedButChanged(
  items: MergeItem[],
  kind: 'stage' | 'step' | 'lane',
  changedInside: (side: MergeSide, id: string) => string[],
): void {
  for (const [i, item] of items.entries()) {
    if (item.kind !== kind || item.status === 'conflict' || item.status === 'same') continue;
    const remover: MergeSide | null =
      item.mine === 'removed' ? 'mine' : item.theirs === 'removed' ? 'theirs' : null;
    if (!remover) continue;
    const keeper: MergeSide = remover === 'mine' ? 'theirs' : 'mine';
    const inside = changedInside(keeper, item.id);
    if (inside.length === 0) continue;
    items[i] = {
      ...item,
      [keeper]: 'edited',
      status: 'conflict',
      suggested: keeper,
      inside,
    } as MergeItem;
  }
}

/**
 * Lists what base → mine and base → theirs changed, item by item (journey fields, stages, steps,
 * lanes, cards, emotion points, systems, opportunities, personas on the map, KPIs and the order of
 * stages, steps, lanes and cards in a cell), each taken automatically or marked as a conflict.
 */
export function diffJourneys3(
  base: JourneyContent,
  mine: JourneyContent,
  theirs: JourneyContent,
): JourneyMerge {
  const docs = [base, mine, theirs] as const;
  const items: MergeItem[] = [];

  const meta = (d: JourneyContent) =>
    new Map((Object.keys(META_FIELDS) as MetaField[]).map((f) => [f, metaOf(d, f)]));
  items.push(
    ...compare('journey', meta(base), meta(mine), meta(theirs), (_v, id) => META_FIELDS[id as MetaField]),
  );

  const stages = docs.map(stagesOf);
  const steps = docs.map(stepsOf);
  const lanes = docs.map((d) => byId(d.lanes));
  const cards = docs.map((d) => byId(d.cards));
  const emotions = docs.map((d) => new Map(d.emotions.map((e) => [emotionKey(e), e])));
  const stepName = (id: string) =>
    steps[1]!.get(id)?.name ?? steps[2]!.get(id)?.name ?? steps[0]!.get(id)?.name ?? 'a removed step';
  const laneName = (id: string) =>
    lanes[1]!.get(id)?.name ?? lanes[2]!.get(id)?.name ?? lanes[0]!.get(id)?.name ?? 'a removed lane';
  const stageName = (id: string) =>
    stages[1]!.get(id)?.name ?? stages[2]!.get(id)?.name ?? stages[0]!.get(id)?.name ?? 'a removed stage';
  const cardText = (id: string) =>
    short(cards[1]!.get(id)?.text ?? cards[2]!.get(id)?.text ?? cards[0]!.get(id)?.text ?? 'a removed card');

  const [bS, mS, tS] = stages;
  const [bT, mT, tT] = steps;
  const [bL, mL, tL] = lanes;
  const [bC, mC, tC] = cards;
  const [bE, mE, tE] = emotions;
  const stageItems = compare('stage', bS!, mS!, tS!, (s) => s.name);
  const stepItems = compare('step', bT!, mT!, tT!, (s) => s.name);
  const laneItems = compare('lane', bL!, mL!, tL!, (l) => l.name);
  const cardItems = compare('card', bC!, mC!, tC!, (c) => short(c.text));
  const emotionItems = compare('emotion', bE!, mE!, tE!, (e) => `Emotion at ${stepName(e.stepId)}`);
  items.push(...stageItems, ...stepItems, ...laneItems, ...cardItems, ...emotionItems);
  items.push(
    ...compare(
      'system',
      ...(docs.map((d) => byId(d.systems)) as [
        Map<string, BlueprintSystem>,
        Map<string, BlueprintSystem>,
        Map<string, BlueprintSystem>,
      ]),
      (s) => s.name,
    ),
    ...compare(
      'opportunity',
      ...(docs.map((d) => byId(d.opportunities)) as [
        Map<string, Opportunity>,
        Map<string, Opportunity>,
        Map<string, Opportunity>,
      ]),
      (o) => o.title,
    ),
    ...compare(
      'persona',
      ...(docs.map((d) => new Map(d.scope.personaIds.map((p) => [p, p]))) as [
        Map<string, string>,
        Map<string, string>,
        Map<string, string>,
      ]),
      () => 'Persona on the map',
    ),
    ...compare(
      'kpi',
      ...(docs.map((d) => byId(d.kpis)) as [
        Map<string, KpiDefinition>,
        Map<string, KpiDefinition>,
        Map<string, KpiDefinition>,
      ]),
      (k) => k.name,
    ),
  );

  // A deletion is a conflict when the other side changed what was inside.
  const changedBy = (side: MergeSide, list: readonly MergeItem[]) =>
    list.filter((x) => x[side] === 'added' || x[side] === 'edited');
  const sideDoc = (side: MergeSide) => (side === 'mine' ? 1 : 2);
  const stepInside = (side: MergeSide, stepId: string) => [
    ...changedBy(side, cardItems)
      .filter((x) => cards[sideDoc(side)]!.get(x.id)?.stepId === stepId)
      .map((x) => `card “${x.label}”`),
    ...changedBy(side, emotionItems)
      .filter((x) => emotions[sideDoc(side)]!.get(x.id)?.stepId === stepId)
      .map((x) => x.label.toLowerCase()),
  ];
  deletedButChanged(items, 'step', stepInside);
  deletedButChanged(items, 'lane', (side, laneId) =>
    changedBy(side, cardItems)
      .filter((x) => cards[sideDoc(side)]!.get(x.id)?.laneId === laneId)
      .map((x) => `card “${x.label}”`),
  );
  deletedButChanged(items, 'stage', (side, stageId) => {
    const own = [...steps[sideDoc(side)]!.values()].filter((t) => t.stageId === stageId);
    const touched = new Set(changedBy(side, stepItems).map((x) => x.id));
    return own.flatMap((t) => [
      ...(touched.has(t.id) ? [`step “${t.name}”`] : []),
      ...stepInside(side, t.id),
    ]);
  });

  // Orders: stages, lanes, steps within each stage, cards within each cell.
  const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
  const orders: OrderSpec[] = [
    {
      id: 'stages',
      label: 'Order of the stages',
      base: ids(base.stages),
      mine: ids(mine.stages),
      theirs: ids(theirs.stages),
      names: stageName,
    },
    {
      id: 'lanes',
      label: 'Order of the lanes',
      base: ids(base.lanes),
      mine: ids(mine.lanes),
      theirs: ids(theirs.lanes),
      names: laneName,
    },
  ];
  const stepsIn = (d: JourneyContent, stageId: string) =>
    ids(d.stages.find((s) => s.id === stageId)?.steps ?? []);
  for (const stageId of unionKeys(bS!, mS!, tS!))
    orders.push({
      id: `steps:${stageId}`,
      label: `Order of the steps in “${stageName(stageId)}”`,
      base: stepsIn(base, stageId),
      mine: stepsIn(mine, stageId),
      theirs: stepsIn(theirs, stageId),
      names: stepName,
    });
  const cardsIn = (d: JourneyContent, cell: string) =>
    d.cards.filter((c) => cellOf(c) === cell).map((c) => c.id);
  const cells = new Set(docs.flatMap((d) => d.cards.map(cellOf)));
  for (const cell of cells) {
    const [laneId, stepId] = cell.split('|') as [string, string];
    orders.push({
      id: `cards:${cell}`,
      label: `Order of the cards in ${laneName(laneId)} · ${stepName(stepId)}`,
      base: cardsIn(base, cell),
      mine: cardsIn(mine, cell),
      theirs: cardsIn(theirs, cell),
      names: cardText,
    });
  }
  for (const spec of orders) {
    const item = orderItem(spec);
    if (item) items.push(item);
  }
  return { base, mine, theirs, items };
}

/** Which side an item takes: the changing side, or for a conflict the choice, suggestion, else theirs. */
export function mergeSideOf(item: MergeItem, choices: MergeChoices = {}): MergeSide {
  if (item.status === 'mine' || item.status === 'theirs') return item.status;
  if (item.status === 'same') return 'theirs';
  return choices[item.key] ?? item.suggested ?? 'theirs';
}

/**
 * The merged document: every item from the side `mergeSideOf` names, lists in the merged order,
 * then references repaired so the document is valid (cards, emotion points and links inside
 * deleted steps, lanes or cards go with them; a KPI end on a deleted step falls back to the step's
 * activities, or the KPI goes).
 */
export function applyJourneyMerge(merge: JourneyMerge, choices: MergeChoices = {}): JourneyContent {
  const { base, mine, theirs } = merge;
  const pick = new Map(merge.items.map((item) => [item.key, item]));
  const sideOf = (key: string): MergeSide | 'base' => {
    const item = pick.get(key);
    return item ? mergeSideOf(item, choices) : 'base';
  };
  const docOf = (side: MergeSide | 'base') => (side === 'mine' ? mine : side === 'theirs' ? theirs : base);
  const orderSide = (id: string): MergeSide => {
    const s = sideOf(`order:${id}`);
    return s === 'base' ? 'theirs' : s;
  };

  /** Resolves one keyed collection: values per key from the side each item takes. */
  function resolve<V>(kind: MergeItemKind, maps: readonly ReadonlyMap<string, V>[]): Map<string, V> {
    const out = new Map<string, V>();
    for (const key of unionKeys(maps[0]!, maps[1]!, maps[2]!)) {
      const side = sideOf(`${kind}:${key}`);
      const value = maps[side === 'base' ? 0 : side === 'mine' ? 1 : 2]!.get(key);
      if (value !== undefined) out.set(key, value);
    }
    return out;
  }
  const ordered = <V>(
    orderId: string,
    values: ReadonlyMap<string, V>,
    lists: readonly (readonly string[])[],
  ): V[] => {
    const primary = orderSide(orderId);
    const [p, s] = primary === 'mine' ? [lists[1]!, lists[2]!] : [lists[2]!, lists[1]!];
    return mergeOrder(mergeOrder(p, s, new Set(values.keys())), lists[0]!, new Set(values.keys())).map(
      (id) => values.get(id)!,
    );
  };
  const docs = [base, mine, theirs] as const;
  const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

  const stages = resolve('stage', docs.map(stagesOf));
  const steps = resolve('step', docs.map(stepsOf));
  const lanes = resolve(
    'lane',
    docs.map((d) => byId(d.lanes)),
  );
  const cards = resolve(
    'card',
    docs.map((d) => byId(d.cards)),
  );
  const emotions = resolve(
    'emotion',
    docs.map((d) => new Map(d.emotions.map((e) => [emotionKey(e), e]))),
  );
  const systems = resolve(
    'system',
    docs.map((d) => byId(d.systems)),
  );
  const opportunities = resolve(
    'opportunity',
    docs.map((d) => byId(d.opportunities)),
  );
  const personas = resolve(
    'persona',
    docs.map((d) => new Map(d.scope.personaIds.map((p) => [p, p]))),
  );
  const kpis = resolve(
    'kpi',
    docs.map((d) => byId(d.kpis)),
  );

  const stageList: Stage[] = ordered(
    'stages',
    stages,
    docs.map((d) => ids(d.stages)),
  ).map((stage) => {
    const own = new Map([...steps].filter(([, t]) => t.stageId === stage.id));
    const lists = docs.map((d) => ids(d.stages.find((s) => s.id === stage.id)?.steps ?? []));
    return {
      ...stage,
      steps: ordered(`steps:${stage.id}`, own, lists).map(({ stageId: _s, ...t }) => t),
    };
  });
  const stepIds = new Set(stageList.flatMap((s) => s.steps.map((t) => t.id)));
  const laneList = ordered(
    'lanes',
    lanes,
    docs.map((d) => ids(d.lanes)),
  );
  const laneIds = new Set(laneList.map((l) => l.id));

  // Cards: the order in each cell is merged per cell; the slots a cell holds in the whole list
  // follow theirs (the order of the list only matters within a cell).
  const liveCards = new Map([...cards].filter(([, c]) => laneIds.has(c.laneId) && stepIds.has(c.stepId)));
  const globalIds = mergeOrder(
    mergeOrder(ids(theirs.cards), ids(mine.cards), new Set(liveCards.keys())),
    ids(base.cards),
    new Set(liveCards.keys()),
  );
  const byCell = new Map<string, string[]>();
  for (const id of globalIds) {
    const cell = cellOf(liveCards.get(id)!);
    byCell.set(cell, [...(byCell.get(cell) ?? []), id]);
  }
  const cellOrder = new Map<string, string[]>();
  for (const [cell, inCell] of byCell) {
    const keep = new Map(inCell.map((id) => [id, id]));
    const lists = docs.map((d) => d.cards.filter((c) => cellOf(c) === cell).map((c) => c.id));
    cellOrder.set(cell, ordered(`cards:${cell}`, keep, lists));
  }
  const cardIds = new Set(liveCards.keys());
  const systemIds = new Set(systems.keys());
  const cardList: Card[] = globalIds.map((id) => {
    const cell = cellOf(liveCards.get(id)!);
    const card = liveCards.get(cellOrder.get(cell)!.shift()!)!;
    const links = card.linkedCardIds.filter((l) => cardIds.has(l));
    const systemId = card.systemId !== null && !systemIds.has(card.systemId) ? null : card.systemId;
    return links.length === card.linkedCardIds.length && systemId === card.systemId
      ? card
      : { ...card, linkedCardIds: links, systemId };
  });

  // KPIs: an end on a step that is gone falls back to that step's activities, or the KPI goes.
  const activitiesOf = (stepId: string) =>
    docs.flatMap((d) => stepsOf(d).get(stepId)?.activities ?? []).filter((a, i, all) => all.indexOf(a) === i);
  const fix = (ref: ActivityRef): ActivityRef | null => {
    if (!('stepId' in ref) || stepIds.has(ref.stepId)) return ref;
    const activities = activitiesOf(ref.stepId);
    return activities.length > 0 ? { activities } : null;
  };
  const kpiList: KpiDefinition[] = [];
  for (const k of ordered(
    'kpis',
    kpis,
    docs.map((d) => ids(d.kpis)),
  )) {
    if (k.kind === 'cost-per') {
      const acquired = fix(k.acquired);
      if (acquired) kpiList.push(acquired === k.acquired ? k : { ...k, acquired });
    } else if (k.kind === 'conversion' || k.kind === 'duration') {
      const from = fix(k.from);
      const to = fix(k.to);
      if (from && to) kpiList.push(from === k.from && to === k.to ? k : { ...k, from, to });
    } else kpiList.push(k);
  }
  const kpiIds = new Set(kpiList.map((k) => k.id));
  const opportunityList = ordered(
    'opportunities',
    opportunities,
    docs.map((d) => ids(d.opportunities)),
  ).map((o) => {
    const cardRefs = o.cardIds.filter((id) => cardIds.has(id));
    const stepRefs = o.stepIds.filter((id) => stepIds.has(id));
    const target = o.targetKpiId !== null && !kpiIds.has(o.targetKpiId) ? null : o.targetKpiId;
    return cardRefs.length === o.cardIds.length &&
      stepRefs.length === o.stepIds.length &&
      target === o.targetKpiId
      ? o
      : { ...o, cardIds: cardRefs, stepIds: stepRefs, targetKpiId: target };
  });

  const metaSide = (f: MetaField) => docOf(sideOf(`journey:${f}`));
  const emotionOrder = docs.map((d) => d.emotions.map(emotionKey));
  const primaryEmotions = mergeOrder(emotionOrder[2]!, emotionOrder[1]!, new Set(emotions.keys()));
  const personaOrder = ordered(
    'personas',
    personas,
    docs.map((d) => d.scope.personaIds),
  );
  return {
    schemaVersion: theirs.schemaVersion,
    name: metaSide('name').name,
    description: metaSide('description').description,
    question: metaSide('question').question,
    scope: { serviceLine: metaSide('serviceLine').scope.serviceLine, personaIds: personaOrder },
    ownerId: metaSide('ownerId').ownerId,
    subject: metaSide('subject').subject,
    status: metaSide('status').status,
    reviewCadenceDays: metaSide('reviewCadenceDays').reviewCadenceDays,
    lastReviewedAt: metaSide('lastReviewedAt').lastReviewedAt,
    tags: metaSide('tags').tags,
    stages: stageList,
    lanes: laneList,
    cards: cardList,
    emotions: mergeOrder(primaryEmotions, emotionOrder[0]!, new Set(emotions.keys()))
      .map((k) => emotions.get(k)!)
      .filter((e) => stepIds.has(e.stepId)),
    systems: ordered(
      'systems',
      systems,
      docs.map((d) => ids(d.systems)),
    ),
    opportunities: opportunityList,
    kpis: kpiList,
  };
}

/** Three-way merge in one call: `applyJourneyMerge(diffJourneys3(base, mine, theirs), choices)`. */
export function mergeJourneys(
  base: JourneyContent,
  mine: JourneyContent,
  theirs: JourneyContent,
  choices: MergeChoices = {},
): JourneyContent {
  return applyJourneyMerge(diffJourneys3(base, mine, theirs), choices);
}
