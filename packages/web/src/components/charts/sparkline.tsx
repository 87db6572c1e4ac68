import { lazy, Suspense } from 'react';

/** A weekly series to draw small; null is a gap (no data or a hidden small count). */
export interface SparklineProps {
  values: (number | null)[];
  /** How each hidden week reads ("<11" or "hidden"), drawn as a small label in its gap; null elsewhere. */
  gaps?: readonly (string | null)[] | undefined;
  color: string;
  width: number;
  height: number;
  /** What the line shows, read by screen readers (the chart itself is decorative). */
  label: string;
}

// ECharts loads in its own chunk the first time a sparkline is drawn.
const Chart = lazy(() => import('./echarts-sparkline'));

/** A lazy-loaded ECharts sparkline with a same-sized placeholder while it loads. */
export function Sparkline(props: SparklineProps) {
  return (
    <Suspense fallback={<div style={{ width: props.width, height: props.height }} aria-hidden="true" />}>
      <Chart {...props} />
    </Suspense>
  );
}
