import type { Api } from './client';

/** The signed-in user and the CSRF token the session expects on writes. */
export type Me = Awaited<ReturnType<Api['me']>>;
/** One row of the journey list (no full document). */
export type JourneySummary = Awaited<ReturnType<Api['journeys']['list']>>[number];
/** What the template gallery shows before a template is chosen. */
export type TemplateSummary = Awaited<ReturnType<Api['templates']['list']>>[number];
