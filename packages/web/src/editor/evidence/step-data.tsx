import type { Step } from '@pathlight/core';
import { Shown } from '../../components/privacy/shown';
import {
  formatDuration,
  formatPercent,
  HIDDEN_HELP,
  HIDDEN_TEXT,
  hiddenHelp,
  SMALL_TEXT,
  shownField,
} from '../../lib/format';
import { SEVERITY_WORDS, type Severity } from './scale';
import type { StepEvidence } from './types';

/** What a step header shows of the live data. */
export interface StepDataView {
  metric: StepEvidence | null;
  band: Severity | null;
  worst: boolean;
  loading: boolean;
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
  const cases = shownField(m, 'cases');
  const conv = shownField(m, 'conversionFromPrevious', formatPercent);
  const lost = shownField(m, 'dropOff');
  const wait = shownField(m, 'medianSecondsFromPrevious', formatDuration);
  const help = hiddenHelp([m]);
  const first = m.conversionFromPrevious === null && !m.suppressed.includes('conversionFromPrevious');
  const band = view.band;
  const label = [
    `${step.name}: ${cases.text} patients reached`,
    first ? 'first measured step' : `${conv.text} of the previous step, ${lost.text} lost`,
    m.medianSecondsFromPrevious !== null || wait.hidden ? `median wait ${wait.text}` : null,
    band !== null ? SEVERITY_WORDS[band] : null,
    view.worst ? 'biggest drop-off on the map' : null,
    help,
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
        <strong>
          <Shown value={cases} testId="step-cases" />
        </strong>{' '}
        patients
      </span>
      {first ? (
        <span className="pl-stepdata__line pl-muted">first measured step</span>
      ) : (
        <span className="pl-stepdata__line">
          {band !== null && <span aria-hidden="true">{BAND_GLYPH[band]} </span>}
          <Shown value={conv} testId="step-conversion" /> kept · <Shown value={lost} testId="step-dropoff" />{' '}
          lost
        </span>
      )}
      {(m.medianSecondsFromPrevious !== null || wait.hidden) && (
        <span className="pl-stepdata__line">
          wait <Shown value={wait} testId="step-wait" /> <span className="pl-muted">median</span>
        </span>
      )}
    </>
  );
  return onOpen ? (
    <button
      type="button"
      className={className}
      aria-label={label}
      title={help ?? undefined}
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

/** The key of the map's colour scale (conversion bands, worst step, what "<11" and "hidden" mean). */
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
      <span title={HIDDEN_HELP.small} className="pl-scalekey__hint">
        {SMALL_TEXT} = 1 to 10 patients, hidden
      </span>
      <span title={`${HIDDEN_HELP.complementary} ${HIDDEN_HELP.derived}`} className="pl-scalekey__hint">
        {HIDDEN_TEXT} = held back so a small count cannot be worked out
      </span>
    </span>
  );
}
