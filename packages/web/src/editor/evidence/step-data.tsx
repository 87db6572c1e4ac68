import type { Step } from '@pathlight/core';
import {
  fieldText,
  formatCount,
  formatDuration,
  formatPercent,
  SEVERITY_WORDS,
  type Severity,
  SUPPRESSED_HELP,
} from './format';
import type { StepEvidence } from './types';

/** What a step header shows of the live data. */
export interface StepDataView {
  metric: StepEvidence | null;
  band: Severity | null;
  worst: boolean;
  loading: boolean;
}

/** A hidden value explains itself on hover (dotted underline, tooltip). */
function hiddenProps(hidden: boolean) {
  return hidden ? { title: SUPPRESSED_HELP, className: 'pl-suppressed' } : {};
}

/** A glyph per band, so the scale never relies on colour alone. */
export const BAND_GLYPH: Record<Severity, string> = { 0: '●', 1: '◐', 2: '▲', 3: '▼' };

/**
 * The live numbers under a step name: patients reached, conversion from the previous step with
 * patients lost, median wait; coloured by band, the worst step labelled. Clicking opens the detail.
 */
export function StepData({
  step,
  view,
  onOpen,
}: {
  step: Step;
  view: StepDataView;
  onOpen: ((stepId: string) => void) | undefined;
}) {
  const m = view.metric;
  if (!m) return null;
  const cases = fieldText(m, 'cases', formatCount);
  const conv = fieldText(m, 'conversionFromPrevious', formatPercent);
  const lost = fieldText(m, 'dropOff', formatCount);
  const wait = fieldText(m, 'medianSecondsFromPrevious', formatDuration);
  const anyHidden = m.suppressed.length > 0;
  const first = m.conversionFromPrevious === null && !m.suppressed.includes('conversionFromPrevious');
  const band = view.band;
  const label = [
    `${step.name}: ${cases.text} patients reached`,
    first ? 'first measured step' : `${conv.text} of the previous step, ${lost.text} lost`,
    m.medianSecondsFromPrevious !== null || wait.suppressed ? `median wait ${wait.text}` : null,
    band !== null ? SEVERITY_WORDS[band] : null,
    view.worst ? 'biggest drop-off on the map' : null,
    anyHidden ? 'some numbers hidden: fewer than 11 patients' : null,
    onOpen ? 'open step detail' : null,
  ]
    .filter(Boolean)
    .join('; ');
  const className = [
    'pl-stepdata',
    band !== null ? `pl-sev--${band}` : 'pl-sev--none',
    view.worst ? 'pl-stepdata--worst' : '',
    view.loading ? 'pl-stepdata--loading' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const body = (
    <>
      {view.worst && <span className="pl-stepdata__worst">▼ Biggest drop-off</span>}
      <span className="pl-stepdata__line">
        <strong data-testid="step-cases" {...hiddenProps(cases.suppressed)}>
          {cases.text}
        </strong>{' '}
        patients
      </span>
      {first ? (
        <span className="pl-stepdata__line pl-muted">first measured step</span>
      ) : (
        <span className="pl-stepdata__line">
          {band !== null && <span aria-hidden="true">{BAND_GLYPH[band]} </span>}
          <span data-testid="step-conversion" {...hiddenProps(conv.suppressed)}>
            {conv.text}
          </span>{' '}
          kept ·{' '}
          <span data-testid="step-dropoff" {...hiddenProps(lost.suppressed)}>
            {lost.text}
          </span>{' '}
          lost
        </span>
      )}
      {(m.medianSecondsFromPrevious !== null || wait.suppressed) && (
        <span className="pl-stepdata__line">
          wait{' '}
          <span data-testid="step-wait" {...hiddenProps(wait.suppressed)}>
            {wait.text}
          </span>{' '}
          <span className="pl-muted">median</span>
        </span>
      )}
    </>
  );
  return onOpen ? (
    <button
      type="button"
      className={className}
      aria-label={label}
      title={anyHidden ? SUPPRESSED_HELP : undefined}
      data-testid="step-data"
      tabIndex={-1}
      onClick={() => onOpen(step.id)}
    >
      {body}
    </button>
  ) : (
    <div className={className} role="note" aria-label={label} data-testid="step-data">
      {body}
    </div>
  );
}

/** The key of the map's colour scale (conversion bands, worst step, "<11"). */
export function ScaleKey() {
  return (
    <span className="pl-scalekey" data-testid="scale-key">
      <strong>Conversion from the previous step:</strong>
      {([0, 1, 2, 3] as const).map((b) => (
        <span key={b} className={`pl-scalekey__item pl-sev--${b}`}>
          <span aria-hidden="true">{BAND_GLYPH[b]}</span> {SEVERITY_WORDS[b].replace('Keeps ', '')}
        </span>
      ))}
      <span className="pl-scalekey__item pl-stepdata--worst">▼ Biggest drop-off</span>
      <span title={SUPPRESSED_HELP} className="pl-scalekey__hint">
        &lt;11 = fewer than 11 patients, hidden
      </span>
    </span>
  );
}
