import type { Card, Channel, Evidence, JourneyContent, Severity } from '@pathlight/core';
import { CommandError } from './command-error';
import { pruneReferences } from './prune';

const hasStep = (doc: JourneyContent, stepId: string) =>
  doc.stages.some((s) => s.steps.some((t) => t.id === stepId));

function assertCell(command: string, doc: JourneyContent, laneId: string, stepId: string): void {
  if (!doc.lanes.some((l) => l.id === laneId)) throw new CommandError(command, `no lane "${laneId}"`);
  if (!hasStep(doc, stepId)) throw new CommandError(command, `no step "${stepId}"`);
}

function cardIndex(command: string, doc: JourneyContent, cardId: string): number {
  const i = doc.cards.findIndex((c) => c.id === cardId);
  if (i < 0) throw new CommandError(command, `no card "${cardId}"`);
  return i;
}

function cleanText(command: string, text: string): string {
  const t = text.trim();
  if (t === '') throw new CommandError(command, 'card text must not be empty');
  if (t.length > 2000) throw new CommandError(command, 'card text is longer than 2000 characters');
  return t;
}

function cleanTags(command: string, tags: readonly string[]): string[] {
  const out = [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
  if (out.length > 30) throw new CommandError(command, 'at most 30 tags');
  if (out.some((t) => t.length > 50)) throw new CommandError(command, 'a tag is longer than 50 characters');
  return out;
}

/** Where a card would go in `cards` to be `index`-th in its cell (cards' array order is cell order). */
function insertionIndex(
  cards: readonly Card[],
  laneId: string,
  stepId: string,
  index: number | undefined,
): number {
  let seen = 0;
  let lastInCell = -1;
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i]!;
    if (c.laneId !== laneId || c.stepId !== stepId) continue;
    if (index !== undefined && seen === index) return i;
    seen++;
    lastInCell = i;
  }
  return lastInCell >= 0 ? lastInCell + 1 : cards.length;
}

export type CardPatch = Partial<{
  text: string;
  tags: string[];
  channel: Channel | null;
  severity: Severity | null;
  systemId: string | null;
  linkedCardIds: string[];
}>;

function applyPatch(command: string, doc: JourneyContent, card: Card, patch: CardPatch): Card {
  const next: Card = { ...card };
  if (patch.text !== undefined) next.text = cleanText(command, patch.text);
  if (patch.tags !== undefined) next.tags = cleanTags(command, patch.tags);
  if (patch.channel !== undefined) next.channel = patch.channel;
  if (patch.severity !== undefined) next.severity = patch.severity;
  if (patch.systemId !== undefined) {
    if (patch.systemId !== null && !doc.systems.some((s) => s.id === patch.systemId))
      throw new CommandError(command, `no system "${patch.systemId}"`);
    next.systemId = patch.systemId;
  }
  if (patch.linkedCardIds !== undefined) {
    const ids = [...new Set(patch.linkedCardIds)];
    for (const id of ids) {
      if (id === card.id) throw new CommandError(command, 'a card cannot link to itself');
      if (!doc.cards.some((c) => c.id === id)) throw new CommandError(command, `no card "${id}" to link`);
    }
    if (ids.length > 50) throw new CommandError(command, 'at most 50 linked cards');
    next.linkedCardIds = ids;
  }
  return next;
}

/** Adds a card to a (lane, step) cell, at an index within the cell (default: last). */
export function addCard(
  doc: JourneyContent,
  a: { id: string; laneId: string; stepId: string; text: string; index?: number } & CardPatch,
): JourneyContent {
  assertCell('addCard', doc, a.laneId, a.stepId);
  if (doc.cards.some((c) => c.id === a.id)) throw new CommandError('addCard', `id "${a.id}" is already used`);
  const { id, laneId, stepId, index, ...patch } = a;
  const base: Card = {
    id,
    laneId,
    stepId,
    text: cleanText('addCard', a.text),
    tags: [],
    channel: null,
    severity: null,
    systemId: null,
    linkedCardIds: [],
    evidence: [],
  };
  const card = applyPatch('addCard', doc, base, patch);
  const cards = doc.cards.slice();
  cards.splice(insertionIndex(cards, laneId, stepId, index), 0, card);
  return { ...doc, cards };
}

/** Changes a card's text, tags, channel, severity, system or linked cards. */
export function updateCard(doc: JourneyContent, a: { cardId: string; patch: CardPatch }): JourneyContent {
  const i = cardIndex('updateCard', doc, a.cardId);
  const cards = doc.cards.slice();
  cards[i] = applyPatch('updateCard', doc, cards[i]!, a.patch);
  return { ...doc, cards };
}

/** Moves a card to a cell (possibly the same one) at an index within that cell. */
export function moveCard(
  doc: JourneyContent,
  a: { cardId: string; laneId: string; stepId: string; index?: number },
): JourneyContent {
  const i = cardIndex('moveCard', doc, a.cardId);
  assertCell('moveCard', doc, a.laneId, a.stepId);
  const card = doc.cards[i]!;
  const rest = doc.cards.filter((_, j) => j !== i);
  const moved =
    card.laneId === a.laneId && card.stepId === a.stepId
      ? card
      : { ...card, laneId: a.laneId, stepId: a.stepId };
  rest.splice(insertionIndex(rest, a.laneId, a.stepId, a.index), 0, moved);
  if (moved === card && rest.every((c, j) => c === doc.cards[j])) return doc;
  return { ...doc, cards: rest };
}

/** Deletes a card and every link to it (from other cards and opportunities). */
export function deleteCard(doc: JourneyContent, a: { cardId: string }): JourneyContent {
  cardIndex('deleteCard', doc, a.cardId);
  return pruneReferences(doc, { cardIds: new Set([a.cardId]) });
}

export type EvidenceChange =
  | { action: 'add'; evidence: Evidence }
  | { action: 'update'; index: number; evidence: Evidence }
  | { action: 'remove'; index: number };

/** Adds, replaces or removes one piece of evidence on a card. */
export function setEvidence(doc: JourneyContent, a: { cardId: string } & EvidenceChange): JourneyContent {
  const i = cardIndex('setEvidence', doc, a.cardId);
  const card = doc.cards[i]!;
  let evidence: Evidence[];
  if (a.action === 'add') {
    if (card.evidence.length >= 50) throw new CommandError('setEvidence', 'at most 50 pieces of evidence');
    evidence = [...card.evidence, cleanEvidence(a.evidence)];
  } else {
    if (a.index < 0 || a.index >= card.evidence.length)
      throw new CommandError('setEvidence', `card "${a.cardId}" has no evidence #${a.index}`);
    evidence =
      a.action === 'remove'
        ? card.evidence.filter((_, j) => j !== a.index)
        : card.evidence.map((e, j) => (j === a.index ? cleanEvidence(a.evidence) : e));
  }
  const cards = doc.cards.slice();
  cards[i] = { ...card, evidence };
  return { ...doc, cards };
}

function cleanEvidence(e: Evidence): Evidence {
  const source = e.source.trim();
  if (source.length > 500) throw new CommandError('setEvidence', 'source is longer than 500 characters');
  if (e.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(e.date))
    throw new CommandError('setEvidence', `date "${e.date}" is not YYYY-MM-DD`);
  return { kind: e.kind, source, date: e.date, confidence: e.confidence };
}

/** Sets how a persona feels at a step (−2…+2, whole numbers) with an optional note. */
export function setEmotion(
  doc: JourneyContent,
  a: { personaId: string; stepId: string; score: number; note?: string },
): JourneyContent {
  if (!hasStep(doc, a.stepId)) throw new CommandError('setEmotion', `no step "${a.stepId}"`);
  if (!Number.isInteger(a.score) || a.score < -2 || a.score > 2)
    throw new CommandError('setEmotion', `score ${a.score} is not a whole number from -2 to 2`);
  const i = doc.emotions.findIndex((e) => e.personaId === a.personaId && e.stepId === a.stepId);
  const note = (a.note ?? (i >= 0 ? doc.emotions[i]!.note : '')).trim();
  if (note.length > 500) throw new CommandError('setEmotion', 'note is longer than 500 characters');
  const point = { personaId: a.personaId, stepId: a.stepId, score: a.score, note };
  if (i >= 0) {
    const old = doc.emotions[i]!;
    if (old.score === point.score && old.note === point.note) return doc;
    const emotions = doc.emotions.slice();
    emotions[i] = point;
    return { ...doc, emotions };
  }
  return { ...doc, emotions: [...doc.emotions, point] };
}

/** Removes a persona's emotion point at a step. */
export function clearEmotion(doc: JourneyContent, a: { personaId: string; stepId: string }): JourneyContent {
  const emotions = doc.emotions.filter((e) => !(e.personaId === a.personaId && e.stepId === a.stepId));
  if (emotions.length === doc.emotions.length)
    throw new CommandError('clearEmotion', `no emotion point for that persona at step "${a.stepId}"`);
  return { ...doc, emotions };
}
