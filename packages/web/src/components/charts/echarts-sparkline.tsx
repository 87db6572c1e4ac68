import { LineChart } from 'echarts/charts';
import { GridComponent, MarkPointComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { SparklineProps } from './sparkline';

// Only what a sparkline needs; the SVG renderer keeps it sharp in PNG/PDF exports.
use([LineChart, GridComponent, MarkPointComponent, SVGRenderer]);

/** A small weekly line (ECharts), gaps where a week has no value or a hidden one. */
export default function EchartsSparkline({ values, color, width, height, label }: SparklineProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg', width, height });
    const last = values.length - 1;
    chart.setOption({
      animation: false,
      grid: { left: 4, right: 8, top: 6, bottom: 6 },
      xAxis: { type: 'category', show: false, data: values.map((_, i) => i) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: values,
          connectNulls: false,
          showSymbol: false,
          lineStyle: { width: 2, color },
          areaStyle: { color, opacity: 0.08 },
          markPoint:
            last >= 0 && values[last] !== null
              ? {
                  symbol: 'circle',
                  symbolSize: 6,
                  itemStyle: { color },
                  label: { show: false },
                  data: [{ coord: [last, values[last]] }],
                }
              : undefined,
        },
      ],
    });
    el.dataset.sparkline = 'ready';
    return () => chart.dispose();
  }, [values, color, width, height]);
  return <div ref={ref} role="img" aria-label={label} style={{ width, height }} />;
}
