import { JourneyTemplate } from '../template';

/** The built-in journey templates, validated once at load. */
export const templates: readonly JourneyTemplate[] = [];

export { JourneyTemplate };
