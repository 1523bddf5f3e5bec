/**
 * Geometry for server-rendered SVG charts. Pure: numbers in, coordinates out; the templates draw.
 */

export interface RadarAxis {
  id: string;
  label: string;
}

export interface RadarSeries {
  name: string;
  /** Values by axis id on the 0…max scale; a missing (null) value is not rated: no point, never drawn as 0. */
  values: Record<string, number | null>;
}

export interface RadarAxisGeometry {
  id: string;
  label: string;
  /** The label in lines short enough to fit beside the chart; the view box makes room for all of them. */
  lines: string[];
  x: number;
  y: number;
  lx: number;
  ly: number;
  anchor: 'start' | 'middle' | 'end';
  /** No series (but the reference) has a value here: marked on the chart and in its label. */
  unrated: boolean;
}

export interface RadarGeometry {
  size: number;
  center: number;
  /** Covers the chart and every label, so no label is cut on screen or in print. */
  viewBox: string;
  width: number;
  height: number;
  rings: { r: number; label: string; points: string }[];
  axes: RadarAxisGeometry[];
  series: {
    name: string;
    /** Through the rated axes only; empty when fewer than two are rated. */
    points: string;
    dots: { x: number; y: number; value: number; axis: string }[];
    /** Axes this series has no value for. */
    unrated: string[];
  }[];
}

const r2 = (n: number) => Math.round(n * 10) / 10;

/** Splits a label at spaces into lines of at most `width` characters; a longer word keeps a line of its own, whole. */
export function wrapLabel(label: string, width = 18): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.trim().split(/\s+/u)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Label font size (px, as in the stylesheet) and the share of it an average character takes, Cyrillic included. */
const FONT = 10;
const CHAR = 0.62;
const LINE = 1.2;

export function radar(
  axes: readonly RadarAxis[],
  series: readonly RadarSeries[],
  opts: { size?: number; max?: number; unratedLabel?: string; labelWidth?: number; reference?: number } = {},
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
  const rated = (s: RadarSeries, id: string) => typeof s.values[id] === 'number' && Number.isFinite(s.values[id]);
  const geoAxes: RadarAxisGeometry[] = axes.map((a, i) => {
    const end = at(i, max);
    const label = at(i, max + 0.55);
    const cos = Math.cos(angle(i));
    // Not rated: no series has a value there (a reference series, such as the target profile, does not count).
    const subjects = series.filter((_, k) => k !== opts.reference);
    const unrated = subjects.length > 0 && !subjects.some((s) => rated(s, a.id));
    const lines = wrapLabel(a.label, opts.labelWidth ?? 18);
    if (unrated && opts.unratedLabel) lines.push(`(${opts.unratedLabel})`);
    return {
      id: a.id,
      label: a.label,
      lines,
      x: end.x,
      y: end.y,
      lx: label.x,
      ly: label.y,
      anchor: Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end',
      unrated,
    };
  });
  // The box every label needs (estimated from its longest line), joined with the chart's own square.
  let minX = 0;
  let minY = 0;
  let maxX = size;
  let maxY = size;
  for (const a of geoAxes) {
    const w = Math.max(...a.lines.map((l) => l.length)) * FONT * CHAR;
    const h = a.lines.length * FONT * LINE;
    const left = a.anchor === 'start' ? a.lx : a.anchor === 'end' ? a.lx - w : a.lx - w / 2;
    minX = Math.min(minX, left - 4);
    maxX = Math.max(maxX, left + w + 4);
    minY = Math.min(minY, a.ly - h / 2 - 4);
    maxY = Math.max(maxY, a.ly + h / 2 + 4);
  }
  const width = r2(maxX - minX);
  const height = r2(maxY - minY);
  return {
    size,
    center,
    viewBox: `${r2(minX)} ${r2(minY)} ${width} ${height}`,
    width,
    height,
    rings: Array.from({ length: max }, (_, k) => ({
      r: r2((radius * (k + 1)) / max),
      label: String(k + 1),
      points: polygon(axes.map(() => k + 1)),
    })),
    axes: geoAxes,
    series: series.map((s) => {
      const dots = axes.flatMap((a, i) =>
        rated(s, a.id) ? [{ ...at(i, s.values[a.id] as number), value: s.values[a.id] as number, axis: a.id }] : [],
      );
      return {
        name: s.name,
        points: dots.length >= 2 ? dots.map((d) => `${d.x},${d.y}`).join(' ') : '',
        dots,
        unrated: axes.filter((a) => !rated(s, a.id)).map((a) => a.id),
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
