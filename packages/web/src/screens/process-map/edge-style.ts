import type { EdgeClass } from './graph';

/** Stroke style per overlay class: colour plus a dash pattern, so the meaning never rests on colour. */
export const EDGE_STYLE: Record<EdgeClass, { stroke: string; dash?: string; label: string }> = {
  neutral: { stroke: '#64748b', label: 'Path' },
  designed: { stroke: '#1d4ed8', label: 'Follows the designed order' },
  'within-step': { stroke: '#60a5fa', label: 'Within one step' },
  skip: { stroke: '#b45309', dash: '10 5', label: 'Skips a step' },
  backward: { stroke: '#b91c1c', dash: '2 5', label: 'Goes back (rework or loop)' },
  loop: { stroke: '#b91c1c', dash: '2 5', label: 'Repeats the same activity' },
  'off-map': { stroke: '#9ca3af', dash: '4 4', label: 'To or from an activity on no step' },
};
