import { LineChart } from 'echarts/charts';
import { GridComponent, MarkPointComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { SparklineProps } from './sparkline';

// Only what a sparkline needs; the SVG renderer keeps it sharp in PNG/PDF exports.
use([LineChart, GridComponent, MarkPointComponent, SVGRenderer]);

/** A small weekly line (ECharts), gaps where a week has no value or a hidden one. */
export default function EchartsSparkline({ values, gaps, color, width, height, label }: SparklineProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg', width, height });
    const last = values.length - 1;
    const shown = values.filter((v): v is number => v !== null);
    const floor = shown.length > 0 ? Math.min(...shown) : 0;
    // A hidden week is a labelled stub at the bottom of its gap, so it is not read as missing data.
    const stubs = (gaps ?? []).flatMap((text, i) =>
      text === null
        ? []
        : [
            {
              coord: [i, floor],
              symbol: 'rect',
              symbolSize: [2, 6],
              itemStyle: { color: '#9ca3af' },
              label: { show: true, formatter: text, position: 'top', fontSize: 8, color: '#6b7280' },
            },
          ],
    );
    const lastPoint =
      last >= 0 && values[last] !== null
        ? [{ coord: [last, values[last]], symbol: 'circle', symbolSize: 6, itemStyle: { color } }]
        : [];
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
            lastPoint.length + stubs.length > 0
              ? { label: { show: false }, data: [...lastPoint, ...stubs] }
              : undefined,
        },
      ],
    });
    el.dataset.sparkline = 'ready';
    return () => chart.dispose();
  }, [values, gaps, color, width, height]);
  return <div ref={ref} role="img" aria-label={label} style={{ width, height }} />;
}
