import { type JourneyContent, KpiDefinition, type KpiInput } from '@pathlight/core';
import { CommandError, cleanName, insertAt } from './command-error';

function issueText(command: string, input: unknown): KpiDefinition {
  const parsed = KpiDefinition.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CommandError(command, `${issue?.path.join('.') || 'kpi'}: ${issue?.message ?? 'invalid'}`);
}

function idTaken(doc: JourneyContent, id: string): boolean {
  return (
    doc.stages.some((s) => s.id === id || s.steps.some((t) => t.id === id)) ||
    doc.lanes.some((l) => l.id === id) ||
    doc.cards.some((c) => c.id === id)
  );
}

/**
 * Adds a step that an event-log activity evidences (e.g. "Add as a step" from the conformance panel):
 * one undo step for the new column and its mapping.
 */
export function addMappedStep(
  doc: JourneyContent,
  a: { id: string; stageId: string; name: string; activities: string[]; index?: number },
): JourneyContent {
  if (idTaken(doc, a.id)) throw new CommandError('addMappedStep', `id "${a.id}" is already used`);
  const si = doc.stages.findIndex((s) => s.id === a.stageId);
  if (si < 0) throw new CommandError('addMappedStep', `no stage "${a.stageId}"`);
  const activities = [...new Set(a.activities.map((x) => x.trim()).filter((x) => x !== ''))];
  if (activities.length === 0) throw new CommandError('addMappedStep', 'name at least one activity');
  const mapped = new Set(doc.stages.flatMap((s) => s.steps.flatMap((t) => t.activities)));
  const already = activities.find((x) => mapped.has(x));
  if (already) throw new CommandError('addMappedStep', `activity "${already}" already evidences a step`);
  const stage = doc.stages[si]!;
  const step = {
    id: a.id,
    name: cleanName('addMappedStep', 'name', a.name),
    description: '',
    optional: false,
    hidden: false,
    activities,
  };
  const stages = doc.stages.slice();
  stages[si] = { ...stage, steps: insertAt(stage.steps, step, a.index) };
  return { ...doc, stages };
}

/** Adds a KPI definition (from the library or a new one); its id must be new among the KPIs. */
export function addKpi(doc: JourneyContent, a: { kpi: KpiInput; index?: number }): JourneyContent {
  const kpi = issueText('addKpi', a.kpi);
  if (doc.kpis.some((k) => k.id === kpi.id)) throw new CommandError('addKpi', `a KPI "${kpi.id}" exists`);
  if (doc.kpis.length >= 100) throw new CommandError('addKpi', 'a journey holds at most 100 KPIs');
  assertStepRefs('addKpi', doc, kpi);
  return { ...doc, kpis: insertAt(doc.kpis, kpi, a.index) };
}

/** Replaces a KPI's definition (its id stays); the kind may change. */
export function updateKpi(doc: JourneyContent, a: { kpiId: string; kpi: KpiInput }): JourneyContent {
  const i = doc.kpis.findIndex((k) => k.id === a.kpiId);
  if (i < 0) throw new CommandError('updateKpi', `no KPI "${a.kpiId}"`);
  const kpi = issueText('updateKpi', { ...a.kpi, id: a.kpiId });
  assertStepRefs('updateKpi', doc, kpi);
  const kpis = doc.kpis.slice();
  kpis[i] = kpi;
  return { ...doc, kpis };
}

/** Deletes a KPI; opportunities that targeted it keep their text and lose the target. */
export function deleteKpi(doc: JourneyContent, a: { kpiId: string }): JourneyContent {
  if (!doc.kpis.some((k) => k.id === a.kpiId)) throw new CommandError('deleteKpi', `no KPI "${a.kpiId}"`);
  return {
    ...doc,
    kpis: doc.kpis.filter((k) => k.id !== a.kpiId),
    opportunities: doc.opportunities.map((o) =>
      o.targetKpiId === a.kpiId ? { ...o, targetKpiId: null } : o,
    ),
  };
}

function assertStepRefs(command: string, doc: JourneyContent, kpi: KpiDefinition): void {
  const refs =
    kpi.kind === 'conversion' || kpi.kind === 'duration'
      ? (['from', 'to'] as const).map((end) => [end, kpi[end]] as const)
      : kpi.kind === 'cost-per'
        ? [['acquired', kpi.acquired] as const]
        : [];
  const steps = new Set(doc.stages.flatMap((s) => s.steps.map((t) => t.id)));
  for (const [end, ref] of refs) {
    if ('stepId' in ref && !steps.has(ref.stepId))
      throw new CommandError(command, `${end}: no step "${ref.stepId}"`);
  }
}
