import { Box, VisuallyHidden } from '@mantine/core';
import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

export type TChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/** A colour-blind-safe palette (Okabe–Ito, darkened for contrast on white). */
export const CHART_COLORS = [
  '#1F4E99',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#0072B2',
  '#E69F00',
  '#56B4E9',
  '#666666',
];

/**
 * An ECharts chart (SVG) that follows its container's size. For screen readers it carries a
 * label and the chart's data as a table.
 */
export function EChart({
  option,
  height = 260,
  label,
  rows,
  onSelect,
}: {
  option: TChartOption;
  height?: number;
  label: string;
  /** The data as label–value rows, read out instead of the picture. */
  rows: ReadonlyArray<{ label: string; value: number }>;
  /** Called with the index of the bar or slice a person clicks. */
  onSelect?: (dataIndex: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const instance = init(container.current, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => onSelectRef.current?.(event.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { color: CHART_COLORS, textStyle: { fontFamily: 'inherit' }, aria: { enabled: true }, ...option },
      true,
    );
  }, [option]);

  return (
    <figure style={{ margin: 0 }}>
      <Box
        ref={container}
        h={height}
        w="100%"
        aria-hidden
        style={{ cursor: onSelect ? 'pointer' : undefined }}
      />
      <VisuallyHidden>
        <table>
          <caption>{label}</caption>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
