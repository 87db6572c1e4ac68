import type { DemoJourneySpec } from './customise-template';
import { RIVERSIDE_DENTAL } from './riverside-dental';
import { RIVERSIDE_REFERRAL } from './riverside-referral';
import { RIVERSIDE_SYSTEM } from './riverside-system';

/** The demo workspace's name (a fictional practice); `pathlight demo --reset` finds it by this name. */
export const DEMO_WORKSPACE_NAME = 'Riverside Family Dental & Medical';

/** The generator's seed and size: with the window below, 24,000 patients and about 500,000 events. */
export const DEMO_SEED = 'riverside-family-dental-medical';
export const DEMO_PATIENTS = 24_000;
/** New patients keep arriving until late June, so every week of the export (and the dashboard) is busy. */
export const DEMO_ARRIVAL_DAYS = 175;

/**
 * The demo source is a six-month export: the generator starts on Monday 6 January 2025 and its
 * journeys trail on for months after the last new patient; events from 7 July 2025 (26 weeks) on are
 * left out, like a real export of a fixed window.
 */
export const DEMO_EXPORT_END = '2025-07-07T00:00:00.000Z';

/** The demo data source's name, as it shows in the data-source list. */
export const DEMO_SOURCE_NAME = 'Scheduling, EHR and messaging export (synthetic, Jan–Jun 2025)';

/** The three demo journeys, in the order they are created (the first is the one to open). */
export const DEMO_JOURNEYS: readonly DemoJourneySpec[] = [
  RIVERSIDE_DENTAL,
  RIVERSIDE_REFERRAL,
  RIVERSIDE_SYSTEM,
];
