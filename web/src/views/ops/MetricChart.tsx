import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export type ChartLine = { label: string; values: (number | null)[]; color: string };

/**
 * One small uPlot chart over `times` (epoch seconds). uPlot draws on a canvas, so the caller's
 * `summary` (the latest value in words) is the text alternative screen readers get instead.
 */
export function MetricChart({
  title,
  times,
  lines,
  summary,
}: {
  title: string;
  times: number[];
  lines: ChartLine[];
  summary: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = lines.map((line) => line.label).join("|");
  const data = [times, ...lines.map((line) => line.values)] as uPlot.AlignedData;

  // A new plot only when the set of lines changes; a refresh just hands it new data, so it moves.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot(
      {
        width: Math.max(260, Math.min(el.clientWidth || 320, 560)),
        height: 140,
        legend: { show: lines.length > 1 },
        series: [{}, ...lines.map((line) => ({ label: line.label, stroke: line.color, width: 2 }))],
        axes: [{}, { size: 48 }],
      },
      data,
      el,
    );
    plot.current = chart;
    return () => {
      chart.destroy();
      plot.current = null;
    };
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <figure class="ops-chart" data-testid="ops-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" />
      <p class="visually-hidden" data-testid="ops-chart-summary">
        {summary}
      </p>
    </figure>
  );
}
