import { useState } from 'react';
import type { DataSource, JourneySummary } from '../../../api';
import { formatCount, formatDate } from '../../../lib/format';
import { Link } from '../../../router/link';
import styles from './getting-started.module.css';

const dismissedKey = (workspaceId: string) => `pathlight.gettingStarted.dismissed.${workspaceId}`;

interface GettingStartedProps {
  workspaceId: string;
  workspaceName: string;
  journeys: readonly JourneySummary[];
  sources: readonly DataSource[];
  canEdit: boolean;
  onTemplates: () => void;
}

/** What this workspace holds, in one sentence a newcomer can act on. */
export function describeWorkspace(journeys: number, sources: readonly DataSource[]): string {
  const maps = `${journeys} journey ${journeys === 1 ? 'map' : 'maps'}`;
  const ready = sources.filter((s) => s.status === 'ready');
  if (ready.length === 0) return `This workspace holds ${maps} and no event data yet.`;
  // A viewer's hidden count (1–10 events) makes the total unknown.
  const events = ready.some((s) => s.eventCount === null)
    ? null
    : ready.reduce((sum, s) => sum + (s.eventCount ?? 0), 0);
  const firsts = ready.flatMap((s) => (s.firstEvent ? [s.firstEvent] : [])).sort();
  const lasts = ready.flatMap((s) => (s.lastEvent ? [s.lastEvent] : [])).sort();
  const range =
    firsts[0] && lasts.at(-1)
      ? ` from ${formatDate(firsts[0].slice(0, 10))} to ${formatDate(lasts.at(-1)!.slice(0, 10))}`
      : '';
  const from = ready.length === 1 ? 'one data source' : `${ready.length} data sources`;
  const lit = events === null ? 'event data' : `${formatCount(events)} events`;
  return `This workspace holds ${maps}, lit by ${lit}${range} from ${from}.`;
}

/** The journey to suggest first: a live one if there is one, else the first in the list. */
function firstJourney(journeys: readonly JourneySummary[]): JourneySummary | undefined {
  return journeys.find((j) => j.status === 'live') ?? journeys.find((j) => j.status !== 'archived');
}

/**
 * The guided first screen above the journey list: what the workspace shows and three next steps
 * (open a journey, import your own data, start from a template). Dismissed per workspace.
 */
export function GettingStarted(props: GettingStartedProps) {
  const { workspaceId, workspaceName, journeys, sources, canEdit, onTemplates } = props;
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey(workspaceId)) === '1');
  if (dismissed) return null;
  const journey = firstJourney(journeys);
  const dismiss = () => {
    localStorage.setItem(dismissedKey(workspaceId), '1');
    setDismissed(true);
  };
  return (
    <section className={styles.panel} aria-labelledby="getting-started-title" data-testid="getting-started">
      <div className={styles.head}>
        <div>
          <h2 id="getting-started-title">Getting started in {workspaceName}</h2>
          <p>
            {describeWorkspace(journeys.length, sources)} Each map lays out stages, steps and lanes; the
            numbers on its steps — patients reached, drop-off, waits — come from the imported events.
          </p>
        </div>
        <button type="button" className="btn btn-ghost btn-small" onClick={dismiss}>
          Hide this
        </button>
      </div>
      <ol className={styles.steps}>
        {journey ? (
          <li>
            <span className={styles.number} aria-hidden="true">
              1
            </span>
            <div>
              <strong>Open a journey</strong>
              <p id="getting-started-journey">
                See where patients drop off and how long they wait, step by step, in “{journey.name}”.
              </p>
              <Link
                to={`/w/${workspaceId}/journeys/${journey.id}`}
                className="btn btn-primary btn-small"
                aria-describedby="getting-started-journey"
              >
                Open the journey
              </Link>
            </div>
          </li>
        ) : null}
        <li>
          <span className={styles.number} aria-hidden="true">
            {journey ? 2 : 1}
          </span>
          <div>
            <strong>Import your own data</strong>
            <p>
              Upload a CSV, XES, FHIR or HL7 export from your scheduling or EHR system. Patient identifiers
              are replaced by keyed pseudonyms on the way in.
            </p>
            <Link to={`/w/${workspaceId}/data`} className="btn btn-small">
              {canEdit ? 'Go to Data' : 'See the data sources'}
            </Link>
          </div>
        </li>
        {canEdit ? (
          <li>
            <span className={styles.number} aria-hidden="true">
              {journey ? 3 : 2}
            </span>
            <div>
              <strong>Start from a template</strong>
              <p>Six healthcare journeys — dental, clinic booking, referrals and more — ready to adapt.</p>
              <button type="button" className="btn btn-small" onClick={onTemplates}>
                Browse templates
              </button>
            </div>
          </li>
        ) : null}
      </ol>
    </section>
  );
}
