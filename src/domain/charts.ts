/**
 * Geometry for server-rendered SVG charts. Pure: numbers in, coordinates out; the templates draw.
 */

export interface RadarAxis {
  id: string;
  label: string;
}

export interface RadarSeries {
  name: string;
  /** Values by axis id on the 0…max scale; a missing value is drawn at 0 and listed as such. */
  values: Record<string, number | null>;
}

export interface RadarGeometry {
  size: number;
  center: number;
  rings: { r: number; label: string; points: string }[];
  axes: { id: string; label: string; x: number; y: number; lx: number; ly: number; anchor: 'start' | 'middle' | 'end' }[];
  series: { name: string; points: string; dots: { x: number; y: number; value: number | null; axis: string }[] }[];
}

const r2 = (n: number) => Math.round(n * 10) / 10;

export function radar(
  axes: readonly RadarAxis[],
  series: readonly RadarSeries[],
  opts: { size?: number; max?: number } = {},
): RadarGeometry {
  const size = opts.size ?? 360;
  const max = opts.max ?? 5;
  const center = size / 2;
  const radius = center - 70;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(axes.length, 1);
  const at = (i: number, v: number) => ({
    x: r2(center + Math.cos(angle(i)) * radius * (v / max)),
    y: r2(center + Math.sin(angle(i)) * radius * (v / max)),
  });
  const polygon = (vals: number[]) =>
    vals
      .map((v, i) => at(i, v))
      .map((p) => `${p.x},${p.y}`)
      .join(' ');
  return {
    size,
    center,
    rings: Array.from({ length: max }, (_, k) => ({
      r: r2((radius * (k + 1)) / max),
      label: String(k + 1),
      points: polygon(axes.map(() => k + 1)),
    })),
    axes: axes.map((a, i) => {
      const end = at(i, max);
      const label = at(i, max + 0.55);
      const cos = Math.cos(angle(i));
      return {
        id: a.id,
        label: a.label,
        x: end.x,
        y: end.y,
        lx: label.x,
        ly: label.y,
        anchor: Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end',
      };
    }),
    series: series.map((s) => {
      const vals = axes.map((a) => s.values[a.id] ?? null);
      return {
        name: s.name,
        points: polygon(vals.map((v) => v ?? 0)),
        dots: vals.map((v, i) => ({ ...at(i, v ?? 0), value: v, axis: axes[i]!.id })),
      };
    }),
  };
}

export interface BarGeometry {
  width: number;
  height: number;
  bars: { label: string; value: number; x: number; y: number; w: number; h: number; tx: number }[];
}

/** Horizontal bars (a funnel or counts by source), scaled to the largest value. */
export function bars(
  items: readonly { label: string; value: number }[],
  opts: { width?: number; row?: number; labelWidth?: number } = {},
): BarGeometry {
  const width = opts.width ?? 560;
  const row = opts.row ?? 30;
  const labelWidth = opts.labelWidth ?? 170;
  const maxValue = Math.max(1, ...items.map((i) => i.value));
  const span = width - labelWidth - 60;
  return {
    width,
    height: items.length * row + 10,
    bars: items.map((it, i) => {
      const w = r2((span * it.value) / maxValue);
      return { label: it.label, value: it.value, x: labelWidth, y: i * row + 5, w, h: row - 10, tx: labelWidth + w + 6 };
    }),
  };
}
