import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what this chart needs, so the lazily loaded chunk stays small.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/**
 * Patients reaching a step per ISO week (weeks start on Monday). Suppressed weeks draw as a hatched
 * stub labelled "<11" so they are not read as zero.
 */
export default function WeeklyChart({
  weeks,
  label,
}: {
  weeks: readonly { week: string; cases: number | null; suppressed: readonly string[] }[];
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'svg' });
    const option: Option = {
      animation: false,
      grid: { left: 40, right: 8, top: 12, bottom: 36 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '<11' : String(v)),
      },
      xAxis: {
        type: 'category',
        data: weeks.map((w) => w.week.slice(5)),
        axisLabel: { fontSize: 10 },
        name: 'week starting (MM-DD)',
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      series: [
        {
          type: 'bar',
          name: label,
          itemStyle: { color: '#2563eb' },
          data: weeks.map((w) =>
            w.cases === null
              ? { value: '-', label: { show: true, formatter: '<11', position: 'insideBottom', fontSize: 9 } }
              : w.cases,
          ),
        },
      ],
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [weeks, label]);
  return <div ref={el} style={{ width: '100%', height: 180 }} role="img" aria-label={`${label} per week`} />;
}
