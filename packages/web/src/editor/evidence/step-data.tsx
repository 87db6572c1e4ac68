import type { Step } from '@pathlight/core';
import { Shown } from '../../components/privacy/shown';
import { useSubject } from '../../components/subject/subject';
import {
  formatDuration,
  formatPercent,
  HIDDEN_HELP,
  HIDDEN_TEXT,
  hiddenHelp,
  SMALL_TEXT,
  shownField,
  subjectWord,
} from '../../lib/format';
import { FUNNEL_MODE_TEXT, MORE_THAN_BEFORE_NOTE } from './funnel-facts';
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
  const subject = useSubject();
  const m = view.metric;
  if (!m) return null;
  const cases = shownField(m, 'cases');
  // "1 account", else the plural (also for a hidden count).
  const who = subjectWord(cases.hidden ? null : m.cases, subject);
  const conv = shownField(m, 'conversionFromPrevious', formatPercent);
  const lost = shownField(m, 'dropOff');
  const wait = shownField(m, 'medianSecondsFromPrevious', formatDuration);
  const help = hiddenHelp([m]);
  const f = m.funnel;
  const first = f
    ? f.measuredFrom === null
    : m.conversionFromPrevious === null && !m.suppressed.includes('conversionFromPrevious');
  const from = f?.measuredFrom ? `“${f.measuredFrom}”` : 'the previous step';
  // What the step may claim: nothing lost for a step without data or measured from one; a share that
  // took an optional step, not a loss; else kept and lost from the step it is measured from.
  const claim: 'first' | 'no-data' | 'from-no-data' | 'optional' | 'kept' = first
    ? 'first'
    : f?.noData
      ? 'no-data'
      : f?.fromNoData
        ? 'from-no-data'
        : f?.optional
          ? 'optional'
          : 'kept';
  const note = f?.moreThanStepBefore ? MORE_THAN_BEFORE_NOTE : null;
  const band = view.band;
  const claimText = {
    first: 'first measured step',
    'no-data': 'no events of this step’s activities in the data',
    'from-no-data': `measured from ${from}, which has no events in the data`,
    optional: `optional step: ${conv.text} of ${from} took it`,
    kept: `${conv.text} of ${from} kept, ${lost.text} lost`,
  }[claim];
  const label = [
    `${step.name}: ${cases.text} ${who} reached`,
    claimText,
    m.medianSecondsFromPrevious !== null || wait.hidden ? `median wait ${wait.text}` : null,
    band !== null ? SEVERITY_WORDS[band] : null,
    view.worst ? 'biggest drop-off on the map' : null,
    note,
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
        {who}
      </span>
      {claim === 'first' || claim === 'no-data' || claim === 'from-no-data' ? (
        <span className="pl-stepdata__line pl-muted" data-testid="step-claim">
          {claim === 'first'
            ? 'first measured step'
            : claim === 'no-data'
              ? 'no data for this step'
              : 'not measured'}
        </span>
      ) : claim === 'optional' ? (
        <span className="pl-stepdata__line" data-testid="step-claim">
          <Shown value={conv} testId="step-conversion" /> took it <span className="pl-muted">· optional</span>
        </span>
      ) : (
        <span className="pl-stepdata__line">
          {band !== null && <span aria-hidden="true">{BAND_GLYPH[band]} </span>}
          <Shown value={conv} testId="step-conversion" /> kept · <Shown value={lost} testId="step-dropoff" />{' '}
          lost
        </span>
      )}
      {(m.medianSecondsFromPrevious !== null || wait.hidden) &&
        claim !== 'no-data' &&
        claim !== 'from-no-data' && (
          <span className="pl-stepdata__line">
            wait <Shown value={wait} testId="step-wait" /> <span className="pl-muted">median</span>
          </span>
        )}
      {note && (
        <span className="pl-stepdata__note" data-testid="step-note">
          {note}
        </span>
      )}
    </>
  );
  return onOpen ? (
    <button
      type="button"
      className={className}
      aria-label={label}
      title={[claimText, note, help].filter(Boolean).join(' ')}
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
  const { singular, plural } = useSubject();
  return (
    <span className="pl-scalekey" data-testid="scale-key">
      <strong title="Kept from the step each is measured from">Kept:</strong>
      {([0, 1, 2, 3] as const).map((b) => (
        <span key={b} className={`pl-scalekey__item pl-sev--${b}`}>
          <span aria-hidden="true">{BAND_GLYPH[b]}</span> {SEVERITY_WORDS[b].replace('Keeps ', '')}
        </span>
      ))}
      <span
        className="pl-scalekey__item pl-stepdata--worst"
        title="Lowest share kept among required steps with data"
      >
        ▼ Biggest drop-off
      </span>
      {/* The longer notes fold away so the key stays one line under the map. */}
      <details className="pl-scalekey__more">
        <summary>More</summary>
        <span className="pl-scalekey__notes">
          <span className="pl-scalekey__hint" title={FUNNEL_MODE_TEXT} data-testid="funnel-mode">
            Ordered funnel: a {singular} counts at a step when they reached it after the step it is measured
            from
          </span>
          <span title={HIDDEN_HELP.small} className="pl-scalekey__hint">
            {SMALL_TEXT} = 1 to 10 {plural}, hidden
          </span>
          <span title={`${HIDDEN_HELP.complementary} ${HIDDEN_HELP.derived}`} className="pl-scalekey__hint">
            {HIDDEN_TEXT} = held back so a small count cannot be worked out
          </span>
        </span>
      </details>
    </span>
  );
}
