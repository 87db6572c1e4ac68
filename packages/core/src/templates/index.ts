import { z } from 'zod';
import { JourneyTemplate, type JourneyTemplateInput } from '../template';
import { aestheticsWellness } from './aesthetics-wellness';
import { clinicNewPatient } from './clinic-new-patient';
import { dentalPractice } from './dental-practice';
import { healthSystemSixStage } from './health-system-six-stage';
import { healthTechOnboarding } from './health-tech-onboarding';
import { specialtyReferral } from './specialty-referral';

/** Validates one template, naming it and every failing field if it is broken. */
function load(input: JourneyTemplateInput): JourneyTemplate {
  const parsed = JourneyTemplate.safeParse(input);
  if (!parsed.success)
    throw new Error(`template "${input.id}" is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The raw template inputs, in display order (exported for tests). */
export const templateInputs: readonly JourneyTemplateInput[] = [
  healthSystemSixStage,
  clinicNewPatient,
  specialtyReferral,
  dentalPractice,
  aestheticsWellness,
  healthTechOnboarding,
];

/** The built-in journey templates, validated once at load. */
export const templates: readonly JourneyTemplate[] = templateInputs.map(load);

export { JourneyTemplate };
