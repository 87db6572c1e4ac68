import type { TemplateCategory } from '../../api';

/** How template categories read in the gallery and in forms. */
export const categoryLabel: Record<TemplateCategory, string> = {
  'health-system': 'Health system',
  clinic: 'Clinic',
  specialty: 'Specialty care',
  dental: 'Dental',
  aesthetics: 'Aesthetics & wellness',
  'health-tech': 'Health tech',
};
