import { type JourneyContent, orderedSteps, strongestConfidence } from '@pathlight/core';

const HEADER = [
  'stage',
  'step',
  'lane',
  'text',
  'tags',
  'channel',
  'severity',
  'confidence',
  'evidence sources',
];

/**
 * One CSV field: quoted when it holds a comma, quote or line break (RFC 4180), and prefixed with
 * an apostrophe when it starts like a spreadsheet formula so opening the file never runs one.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** All cards of a journey as CSV rows in map order (stage, step, lane, then order in the cell). */
export function cardsToCsv(doc: JourneyContent): string {
  const steps = orderedSteps(doc);
  const stepPos = new Map(steps.map((s, i) => [s.id, i]));
  const stageName = new Map(doc.stages.map((s) => [s.id, s.name]));
  const lanePos = new Map(doc.lanes.map((l, i) => [l.id, i]));
  const laneName = new Map(doc.lanes.map((l) => [l.id, l.name]));
  const cards = doc.cards
    .map((card, order) => ({ card, order }))
    .sort(
      (a, b) =>
        (stepPos.get(a.card.stepId) ?? 0) - (stepPos.get(b.card.stepId) ?? 0) ||
        (lanePos.get(a.card.laneId) ?? 0) - (lanePos.get(b.card.laneId) ?? 0) ||
        a.order - b.order,
    );
  const rows = cards.map(({ card }) => {
    const step = steps[stepPos.get(card.stepId) ?? -1];
    return [
      step ? (stageName.get(step.stageId) ?? '') : '',
      step?.name ?? '',
      laneName.get(card.laneId) ?? '',
      card.text,
      card.tags.join('; '),
      card.channel ?? '',
      card.severity ?? '',
      strongestConfidence(card.evidence),
      card.evidence
        .map((e) => e.source)
        .filter((s) => s !== '')
        .join('; '),
    ];
  });
  return `${[HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
