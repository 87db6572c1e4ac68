import { createApiClient } from '@pathlight/server/client';
import { parseResponse } from 'hono/client';
import { http } from '../../api';
import { formatDate, privacyOf, shownField } from '../../lib/format';
import { matchPath } from '../../router/router';
import type { PosterNumbers } from './poster';

/** The journey the page shows (`/w/:workspaceId/journeys/:journeyId`), or null elsewhere (bench, tests). */
export function journeyIdOfPage(path = typeof window === 'undefined' ? '' : window.location.pathname) {
  return matchPath('/w/:workspaceId/journeys/:journeyId', path)?.journeyId ?? null;
}

/**
 * The live numbers a poster prints: the journey's metrics over all its event data as the shared view
 * (`?shared=1`: counts of 1–10 patients hidden, others rounded), whoever exports. Null when the
 * workspace has no event data.
 */
export async function sharedPosterNumbers(journeyId: string): Promise<PosterNumbers | null> {
  const c = createApiClient(
    typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
    http.fetch,
  ).api;
  const m = await parseResponse(
    c.journeys[':id'].metrics.$post({ param: { id: journeyId }, query: { shared: '1' }, json: {} }),
  );
  const { summary } = m;
  if (summary.events === 0 && !summary.suppressed.includes('events')) return null;
  const cases = shownField(summary, 'cases').text;
  const span =
    summary.firstEvent && summary.lastEvent
      ? `, ${formatDate(summary.firstEvent)} – ${formatDate(summary.lastEvent)}`
      : '';
  return {
    steps: m.steps,
    kpis: m.kpis,
    privacy: privacyOf(m),
    summary: summary.suppressed.includes('cases') ? null : `all event data (${cases} patients${span})`,
    source: summary.suppressed.includes('cases') ? null : { cases, span },
  };
}
