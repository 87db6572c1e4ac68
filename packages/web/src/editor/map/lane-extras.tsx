import { type JourneyContent, orderedSteps } from '@pathlight/core';
import { type ReactNode, useMemo } from 'react';
import { Shown } from '../../components/privacy/shown';
import { formatKpiValue, hiddenHelp, shownField } from '../../lib/format';
import { stepScale } from '../evidence/scale';
import type { StepDataView } from '../evidence/step-data';
import type { MapEvidence } from '../evidence/types';
import type { EditorStore } from '../store/editor-store';
import { kpiAnchorStep, kpiSummary, type MapLayout } from './layout';

/** Numbers to show per step in the data lane (filled by the analytics issue). */
export type StepMetrics = Readonly<Record<string, readonly { label: string; value: string }[]>>;

export interface LaneExtrasInput {
  store: EditorStore;
  layout: MapLayout;
  stages: JourneyContent['stages'];
  kpis: JourneyContent['kpis'];
  opportunities: JourneyContent['opportunities'];
  metrics: StepMetrics | undefined;
  evidence: MapEvidence | undefined;
}

export interface LaneExtras {
  /** Per step: its live numbers, colour band and whether it is the worst (for the step headers). */
  stepViews: ReadonlyMap<string, StepDataView>;
  /** Per step: KPI chips and metrics for the data lane. */
  data: ReadonlyMap<string, ReactNode>;
  /** Per step: chips of the opportunities that name it, for the opportunities lane. */
  opportunities: ReadonlyMap<string, ReactNode>;
}

/**
 * Content the map adds to cells and headers from outside the cards: KPI chips and metrics in the
 * data lane, opportunity chips, live step numbers. Each map is the same object until its inputs
 * change, so memoised cells keep their `extra` prop.
 */
export function useLaneExtras({
  store,
  layout,
  stages,
  kpis,
  opportunities,
  metrics,
  evidence,
}: LaneExtrasInput): LaneExtras {
  const stepName = useMemo(() => {
    const names = new Map(orderedSteps({ stages }).map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? 'removed step';
  }, [stages]);
  // Per step: its live numbers, colour band and whether it is the worst (same object while unchanged).
  const stepViews = useMemo(() => {
    const views = new Map<string, StepDataView>();
    const rows = evidence?.steps;
    if (!rows) return views;
    const mapped = new Set(orderedSteps({ stages }).flatMap((s) => (s.activities.length > 0 ? [s.id] : [])));
    const { bands, worstStepId } = stepScale(rows.filter((r) => mapped.has(r.stepId)));
    for (const r of rows) {
      if (!mapped.has(r.stepId)) continue;
      views.set(r.stepId, {
        metric: r,
        band: bands.get(r.stepId) ?? null,
        worst: r.stepId === worstStepId,
        loading: evidence?.loading ?? false,
      });
    }
    return views;
  }, [evidence?.steps, evidence?.loading, stages]);
  const dataExtras = useMemo(() => {
    const visible = layout.columns.flatMap((c) => (c.step ? [c.step.id] : []));
    const byStep = new Map<string, ReactNode>();
    const chips = new Map<string, ReactNode[]>();
    const values = new Map((evidence?.kpis ?? []).map((v) => [v.id, v]));
    for (const k of kpis) {
      const at = kpiAnchorStep(k, visible);
      if (!at) continue;
      const v = values.get(k.id);
      const value = v ? shownField(v, 'value', (x) => formatKpiValue(k, x)) : null;
      const num = v ? shownField(v, 'numerator') : null;
      const den = v ? shownField(v, 'denominator') : null;
      chips.set(at, [
        ...(chips.get(at) ?? []),
        <div
          key={k.id}
          className="pl-kpi"
          data-testid="kpi-chip"
          title={k.reference ? `Definition: ${k.reference}` : undefined}
        >
          <span className="pl-kpi__tag">KPI</span> {kpiSummary(k, stepName)}
          {value && (
            <div
              className="pl-kpi__value"
              title={(v && hiddenHelp([v])) ?? undefined}
              data-testid="kpi-value"
            >
              <strong>
                <Shown value={value} />
              </strong>
              {k.kind !== 'score' && num && den && (
                <span className="pl-muted">
                  {' '}
                  (<Shown value={num} /> / <Shown value={den} />)
                </span>
              )}
            </div>
          )}
        </div>,
      ]);
    }
    for (const stepId of visible) {
      const ks = chips.get(stepId) ?? [];
      const ms = metrics?.[stepId] ?? [];
      if (ks.length === 0 && ms.length === 0) continue;
      byStep.set(
        stepId,
        <div className="pl-data">
          {ms.map((m) => (
            <div key={m.label} className="pl-metric">
              <span className="pl-metric__value">{m.value}</span>{' '}
              <span className="pl-metric__label">{m.label}</span>
            </div>
          ))}
          {ks}
        </div>,
      );
    }
    return byStep;
  }, [kpis, layout, metrics, stepName, evidence?.kpis]);
  const opportunityExtras = useMemo(() => {
    const byStep = new Map<string, ReactNode>();
    for (const o of opportunities)
      for (const s of o.stepIds)
        byStep.set(
          s,
          <>
            {byStep.get(s)}
            <button
              key={o.id}
              type="button"
              tabIndex={-1}
              className="pl-oppchip"
              onMouseEnter={() => store.setHoverCards(new Set(o.cardIds))}
              onMouseLeave={() => store.setHoverCards(null)}
              onClick={() => store.setTab('board')}
              aria-label={`Opportunity: ${o.title}, addresses ${o.cardIds.length} cards. Open the opportunity board.`}
            >
              <span className="pl-kpi__tag">Opportunity</span> {o.title}
              {o.cardIds.length > 0 && (
                <span className="pl-oppchip__count"> · {o.cardIds.length} linked</span>
              )}
            </button>
          </>,
        );
    return byStep;
  }, [opportunities, store]);

  return useMemo(
    () => ({ stepViews, data: dataExtras, opportunities: opportunityExtras }),
    [stepViews, dataExtras, opportunityExtras],
  );
}
