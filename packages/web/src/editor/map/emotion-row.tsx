// biome-ignore-all lint/a11y/useSemanticElements: grid cells of an ARIA grid; SVG points cannot be <input type="range">
// biome-ignore-all lint/a11y/useFocusableInteractive: the curve cell holds focusable points; it is not a stop itself
import type { EmotionPoint, Lane } from '@pathlight/core';
import { memo, useRef } from 'react';
import { MarkerShape } from '../glyphs/glyphs';
import { type Column, type Marker, SCORE_WORDS } from './layout';

export interface CurvePersona {
  id: string;
  name: string;
  color: string;
  marker: Marker;
}

export interface EmotionRowProps {
  lane: Lane;
  row: number;
  columns: readonly Column[];
  emotions: readonly EmotionPoint[];
  personas: readonly CurvePersona[];
  /** Whose curve a click draws on. */
  activePersonaId: string | null;
  colWidth: number;
  height: number;
  focusedStepId: string | null;
  readOnly: boolean;
  onSet: (personaId: string, stepId: string, score: number, drag: boolean) => void;
  onClear: (personaId: string, stepId: string) => void;
}

const PAD = 18;
const fmt = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0');

/**
 * The emotions lane: one gridcell per step (for keyboard focus) under an SVG with one curve per
 * persona. Click the lane at a height to set the active persona's score; drag or use Up/Down on a point.
 */
export const EmotionRow = memo(function EmotionRow(p: EmotionRowProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef<{ personaId: string; stepId: string } | null>(null);
  const width = p.columns.length * p.colWidth;
  const y = (score: number) => PAD + ((2 - score) / 4) * (p.height - 2 * PAD);
  const x = (i: number) => i * p.colWidth + p.colWidth / 2;
  const colIndex = new Map(p.columns.map((c, i) => [c.step?.id ?? c.key, i]));

  const scoreAt = (clientY: number): number => {
    const r = svgRef.current!.getBoundingClientRect();
    const frac = (clientY - r.top) / r.height;
    const inner = (frac * p.height - PAD) / (p.height - 2 * PAD);
    return Math.max(-2, Math.min(2, Math.round(2 - inner * 4)));
  };
  const stepAt = (clientX: number): string | null => {
    const r = svgRef.current!.getBoundingClientRect();
    const i = Math.floor(((clientX - r.left) / r.width) * p.columns.length);
    return p.columns[i]?.step?.id ?? null;
  };
  const personaName = new Map(p.personas.map((x) => [x.id, x.name]));
  const stepName = (id: string) => p.columns[colIndex.get(id) ?? -1]?.step?.name ?? '';

  return (
    <>
      {p.columns.map((c, i) => (
        <div
          key={c.key}
          role="gridcell"
          className="pl-cell pl-cell--emotions"
          style={{ gridRow: p.row, gridColumn: i + 2, height: p.height }}
          tabIndex={c.step && c.step.id === p.focusedStepId ? 0 : -1}
          data-cell={c.step ? `${p.lane.id}|${c.step.id}` : undefined}
          data-emotion-step={c.step?.id}
          aria-label={
            c.step
              ? `${p.lane.name} at ${c.step.name}: ${
                  p.personas
                    .map((per) => {
                      const e = p.emotions.find((x) => x.personaId === per.id && x.stepId === c.step!.id);
                      return e
                        ? `${per.name} ${fmt(e.score)} ${SCORE_WORDS[e.score]}`
                        : `${per.name} not set`;
                    })
                    .join('; ') || 'no personas'
                }${p.readOnly ? '' : '. Plus or minus keys change the score.'}`
              : 'empty stage'
          }
        />
      ))}
      {/* A cell of its own so the grid row only owns cells; display: contents keeps the SVG a grid item. */}
      <div role="gridcell" className="pl-curve-cell">
        <svg
          ref={svgRef}
          className="pl-curve"
          style={{
            gridRow: p.row,
            gridColumn: `2 / span ${Math.max(1, p.columns.length)}`,
            height: p.height,
          }}
          width={width}
          height={p.height}
          viewBox={`0 0 ${width} ${p.height}`}
          data-testid="emotion-curve"
          role="group"
          aria-label={`Emotion curves: ${p.personas.map((x) => x.name).join(', ') || 'no personas yet'}`}
        >
          <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke="#94a3b8" strokeDasharray="4 4" />
          <line x1={0} x2={width} y1={y(2)} y2={y(2)} stroke="#e5e7eb" />
          <line x1={0} x2={width} y1={y(-2)} y2={y(-2)} stroke="#e5e7eb" />
          {[2, 0, -2].map((s) => (
            <text key={s} x={4} y={y(s) + 4} fontSize={10} fill="#6b7280">
              {fmt(s)}
            </text>
          ))}
          {!p.readOnly && p.activePersonaId && (
            // biome-ignore lint/a11y/noStaticElementInteractions: pointer shortcut; the keyboard path is the gridcells and points
            <rect
              x={0}
              y={0}
              width={width}
              height={p.height}
              fill="#ffffff"
              fillOpacity={0}
              className="pl-curve__hit"
              data-testid="emotion-hit"
              onClick={(e) => {
                const stepId = stepAt(e.clientX);
                if (stepId && p.activePersonaId)
                  p.onSet(p.activePersonaId, stepId, scoreAt(e.clientY), false);
              }}
            />
          )}
          {p.personas.map((per) => {
            const pts = p.emotions
              .filter((e) => e.personaId === per.id && colIndex.has(e.stepId))
              .map((e) => ({ e, i: colIndex.get(e.stepId)! }))
              .sort((a, b) => a.i - b.i);
            return (
              <g key={per.id} className="pl-curve__persona">
                <polyline
                  points={pts.map(({ e, i }) => `${x(i)},${y(e.score)}`).join(' ')}
                  fill="none"
                  stroke={per.color}
                  strokeWidth={2.5}
                  strokeLinejoin="round"
                />
                {pts.map(({ e, i }) => (
                  <g
                    key={e.stepId}
                    role="slider"
                    tabIndex={-1}
                    className="pl-curve__point"
                    data-testid="emotion-point"
                    data-persona={per.id}
                    data-step={e.stepId}
                    aria-label={`${per.name} at ${stepName(e.stepId)}`}
                    aria-valuemin={-2}
                    aria-valuemax={2}
                    aria-valuenow={e.score}
                    aria-valuetext={`${fmt(e.score)} ${SCORE_WORDS[e.score]}${e.note ? `: ${e.note}` : ''}`}
                    aria-readonly={p.readOnly || undefined}
                    onKeyDown={(ev) => {
                      if (p.readOnly) return;
                      let next: number | null = null;
                      if (ev.key === 'ArrowUp') next = Math.min(2, e.score + 1);
                      if (ev.key === 'ArrowDown') next = Math.max(-2, e.score - 1);
                      if (next !== null) {
                        ev.preventDefault();
                        ev.stopPropagation();
                        if (next !== e.score) p.onSet(per.id, e.stepId, next, true);
                      } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
                        ev.preventDefault();
                        ev.stopPropagation();
                        p.onClear(per.id, e.stepId);
                      } else if (ev.key === 'Escape') {
                        ev.stopPropagation();
                        (
                          ev.currentTarget.ownerSVGElement?.parentElement?.querySelector(
                            `[data-emotion-step="${e.stepId}"]`,
                          ) as HTMLElement | null
                        )?.focus();
                      }
                    }}
                    onPointerDown={(ev) => {
                      if (p.readOnly) return;
                      ev.preventDefault();
                      (ev.currentTarget as Element).setPointerCapture(ev.pointerId);
                      dragging.current = { personaId: per.id, stepId: e.stepId };
                    }}
                    onPointerMove={(ev) => {
                      const d = dragging.current;
                      if (!d || d.personaId !== per.id || d.stepId !== e.stepId) return;
                      const score = scoreAt(ev.clientY);
                      if (score !== e.score) p.onSet(per.id, e.stepId, score, true);
                    }}
                    onPointerUp={() => {
                      dragging.current = null;
                    }}
                  >
                    <title>{`${personaName.get(per.id)} at ${stepName(e.stepId)}: ${fmt(e.score)} ${SCORE_WORDS[e.score]}${e.note ? ` — ${e.note}` : ''}`}</title>
                    <circle cx={x(i)} cy={y(e.score)} r={12} fill="#ffffff" fillOpacity={0} />
                    <MarkerShape marker={per.marker} x={x(i)} y={y(e.score)} r={6} color={per.color} />
                    <circle
                      cx={x(i)}
                      cy={y(e.score)}
                      r={9}
                      fill="none"
                      stroke="#f59e0b"
                      strokeOpacity={0}
                      strokeWidth={3}
                      className="pl-curve__ring"
                    />
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
    </>
  );
});
