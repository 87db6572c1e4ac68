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
import type { Displayed } from '../../lib/format';

// Only what this chart needs, so the lazily loaded chunk stays small.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** One week of the chart: its count, and how it reads (`shownField` of the week's `cases`). */
export interface ChartWeek {
  week: string;
  cases: number | null;
  shown: Displayed;
}

/** The chart's options: a bar a week, a hidden week a stub labelled as it reads ("<11" or "hidden"). */
export function chartOption(weeks: readonly ChartWeek[], label: string): Option {
  return {
    animation: false,
    grid: { left: 40, right: 8, top: 12, bottom: 36 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (_v, i) => weeks[i]?.shown.text ?? '',
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
          w.shown.hidden
            ? {
                value: '-',
                label: { show: true, formatter: w.shown.text, position: 'insideBottom', fontSize: 9 },
              }
            : w.cases,
        ),
      },
    ],
  };
}

/**
 * Patients reaching a step per ISO week (weeks start on Monday). A hidden week draws as a stub
 * labelled as it reads ("<11" for 1–10 patients, else "hidden") so it is not read as zero.
 */
export default function WeeklyChart({ weeks, label }: { weeks: readonly ChartWeek[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'svg' });
    const option = chartOption(weeks, label);
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [weeks, label]);
  const hidden = weeks.filter((w) => w.shown.hidden).length;
  const said = hidden === 0 ? '' : `; ${hidden} ${hidden === 1 ? 'week' : 'weeks'} hidden`;
  return (
    <div ref={el} style={{ width: '100%', height: 180 }} role="img" aria-label={`${label} per week${said}`} />
  );
}
