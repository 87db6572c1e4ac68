import type { DemoJourneySpec } from './customise-template';
import { RIVERSIDE_DENTAL } from './riverside-dental';
import { RIVERSIDE_REFERRAL } from './riverside-referral';
import { RIVERSIDE_SYSTEM } from './riverside-system';

/** The demo workspace's name (a fictional practice); `pathlight demo --reset` finds it by this name. */
export const DEMO_WORKSPACE_NAME = 'Riverside Family Dental & Medical';

/** The generator's seed and size: about 21,000 patients and 490,000 events, January to mid-2025. */
export const DEMO_SEED = 'riverside-family-dental-medical';
export const DEMO_PATIENTS = 21_000;

/** The demo data source's name, as it shows in the data-source list. */
export const DEMO_SOURCE_NAME = 'Scheduling, EHR and messaging export (synthetic, Jan–Jun 2025)';

/** The three demo journeys, in the order they are created (the first is the one to open). */
export const DEMO_JOURNEYS: readonly DemoJourneySpec[] = [
  RIVERSIDE_DENTAL,
  RIVERSIDE_REFERRAL,
  RIVERSIDE_SYSTEM,
];
