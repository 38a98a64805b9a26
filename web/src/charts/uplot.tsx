// One uPlot chart in a Preact component: created on mount, resized with its box, destroyed on unmount.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type { uPlot };

export function UPlot({ opts, data, label }: { opts: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current!;
    const width = () => Math.max(240, el.clientWidth);
    const chart = new uPlot({ ...opts, width: width(), height: 260 }, data, el);
    const ro = new ResizeObserver(() => chart.setSize({ width: width(), height: 260 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [opts, data]);
  return <div class="chart" ref={box} role="img" aria-label={label} />;
}

/** Axis with a label and units (the unit in brackets, as the charts' titles do not repeat it). */
export const axis = (label: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis => ({ label, labelSize: 20, size: 50, ...extra });

export const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];
