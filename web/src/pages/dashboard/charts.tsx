import { useId, type ReactNode } from 'react';

/**
 * Small accessible SVG charts written for the dashboard (no chart library: four shapes are all it
 * needs, and they stay a few KB). Each is an image with a title and a description; the numbers are
 * in the table under it, so nothing is only in the picture. Colours have at least 3:1 contrast on white.
 */
export const palette = ['#0059b3', '#b35900', '#1b7a34', '#7b1fa2', '#4d4d4d', '#c2185b', '#00697a', '#8d6e00', '#283593', '#6d4c41'];
const W = 760;
const font = { fontFamily: 'IBM Plex Sans, Arial, sans-serif', fontSize: 12, fill: '#1a1a1a' };

function Frame({ title, desc, height, children }: { title: string; desc: string; height: number; children: ReactNode }) {
  const id = useId();
  return (
    <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-labelledby={`${id}t ${id}d`} style={{ maxWidth: W, display: 'block' }} {...font}>
      <title id={`${id}t`}>{title}</title>
      <desc id={`${id}d`}>{desc}</desc>
      <rect width={W} height={height} fill="#fff" />
      {children}
    </svg>
  );
}

function Legend({ labels, y }: { labels: string[]; y: number }) {
  let x = 60;
  return <g>{labels.map((l, i) => {
    const at = x;
    x += 28 + l.length * 7;
    return <g key={l} transform={`translate(${at},${y})`}><rect width={12} height={12} fill={palette[i % palette.length]} /><text x={16} y={10} {...font}>{l}</text></g>;
  })}</g>;
}

const ticks = (lo: number, hi: number, count = 5) => Array.from({ length: count + 1 }, (_, i) => lo + ((hi - lo) * i) / count);
const label = (v: number) => String(Math.round(v * 10) / 10).replace('-', '−');

/** Vertical bars: one cluster per category (e.g. pathway step), one bar per series (e.g. social group). Values 0-1. */
export function GroupedBars({ title, desc, axis, categories, series, values }: {
  title: string; desc: string; axis: string; categories: string[]; series: string[]; values: (number | null)[][];
}) {
  const top = 20, bottom = 260, left = 60, right = W - 10;
  const y = (v: number) => bottom - (bottom - top) * v;
  const slot = (right - left) / Math.max(categories.length, 1);
  const bar = Math.max(3, (slot - 16) / Math.max(series.length, 1));
  return (
    <Frame title={title} desc={desc} height={330}>
      {ticks(0, 1).map((v) => <g key={v}><line x1={left} x2={right} y1={y(v)} y2={y(v)} stroke="#dcdcdc" /><text x={left - 6} y={y(v) + 4} textAnchor="end">{label(v * 100)}</text></g>)}
      <text transform={`translate(14,${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">{axis}</text>
      {categories.map((c, ci) => (
        <g key={c}>
          {series.map((s, si) => {
            const v = values[ci]?.[si];
            const x = left + ci * slot + 8 + si * bar;
            return v === null || v === undefined ? <text key={s} x={x + bar / 2} y={bottom - 4} textAnchor="middle" fontSize={10}>–</text>
              : <rect key={s} x={x} y={y(v)} width={bar - 1} height={bottom - y(v)} fill={palette[si % palette.length]} />;
          })}
          <text x={left + ci * slot + slot / 2} y={bottom + 16} textAnchor="middle">{c.length > 22 ? `${c.slice(0, 21)}…` : c}</text>
        </g>
      ))}
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="#1a1a1a" />
      <Legend labels={series} y={300} />
    </Frame>
  );
}

export interface Interval { value: number | null; low: number | null; high: number | null }

/** Horizontal dots with whiskers (estimates with CIs, medians with quartiles); one row per label, one mark per series. */
export function IntervalChart({ title, desc, axis, rows, series, zero = true }: {
  title: string; desc: string; axis: string; rows: { label: string; values: Interval[] }[]; series: string[]; zero?: boolean;
}) {
  const all = rows.flatMap((r) => r.values.flatMap((v) => [v.value, v.low, v.high])).filter((v): v is number => v !== null);
  let lo = Math.min(zero ? 0 : Infinity, ...all), hi = Math.max(zero ? 0 : -Infinity, ...all);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo === hi) { lo = Number.isFinite(lo) ? lo - 1 : 0; hi = Number.isFinite(hi) ? hi + 1 : 1; }
  const pad = (hi - lo) * 0.05;
  lo -= pad; hi += pad;
  const left = 220, right = W - 20, rowH = 18 * Math.max(series.length, 1) + 12, top = 16;
  const height = top + rows.length * rowH + 70;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  const axisY = top + rows.length * rowH;
  return (
    <Frame title={title} desc={desc} height={height}>
      {ticks(lo, hi).map((v) => <g key={v}><line x1={x(v)} x2={x(v)} y1={top} y2={axisY} stroke="#dcdcdc" /><text x={x(v)} y={axisY + 16} textAnchor="middle">{label(v)}</text></g>)}
      {zero && lo < 0 && hi > 0 && <line x1={x(0)} x2={x(0)} y1={top} y2={axisY} stroke="#1a1a1a" strokeWidth={1.5} />}
      {rows.map((r, ri) => (
        <g key={r.label} transform={`translate(0,${top + ri * rowH})`}>
          <text x={left - 8} y={rowH / 2 + 4} textAnchor="end">{r.label.length > 32 ? `${r.label.slice(0, 31)}…` : r.label}</text>
          {r.values.map((v, si) => {
            const cy = 12 + si * 18;
            const colour = palette[si % palette.length];
            return v.value === null ? <text key={si} x={left + 4} y={cy + 4} fontSize={10}>–</text> : (
              <g key={si}>
                {v.low !== null && v.high !== null && <line x1={x(v.low)} x2={x(v.high)} y1={cy} y2={cy} stroke={colour} strokeWidth={2} />}
                <circle cx={x(v.value)} cy={cy} r={5} fill={colour} />
              </g>
            );
          })}
        </g>
      ))}
      <text x={(left + right) / 2} y={axisY + 36} textAnchor="middle">{axis}</text>
      {series.length > 1 && <Legend labels={series} y={axisY + 48} />}
    </Frame>
  );
}

/** A p-chart: the monthly rate, the centre line and the stepped 3-sigma limits (0-1 scale). */
export function RunChartSvg({ title, desc, axis, points, centre, target }: {
  title: string; desc: string; axis: string; centre: number | null; target: number | null;
  points: { label: string; rate: number | null; lower: number | null; upper: number | null }[];
}) {
  const top = 16, bottom = 240, left = 60, right = W - 20;
  const y = (v: number) => bottom - (bottom - top) * v;
  const step = (right - left) / Math.max(points.length, 1);
  const xAt = (i: number) => left + step * (i + 0.5);
  const path = (pick: (p: (typeof points)[number]) => number | null, stepped = false) => points.map((p, i) => {
    const v = pick(p);
    if (v === null) return '';
    return stepped ? `M${xAt(i) - step / 2},${y(v)}H${xAt(i) + step / 2}` : `${i === 0 || pick(points[i - 1]!) === null ? 'M' : 'L'}${xAt(i)},${y(v)}`;
  }).join('');
  return (
    <Frame title={title} desc={desc} height={300}>
      {ticks(0, 1).map((v) => <g key={v}><line x1={left} x2={right} y1={y(v)} y2={y(v)} stroke="#eee" /><text x={left - 6} y={y(v) + 4} textAnchor="end">{label(v * 100)}</text></g>)}
      <text transform={`translate(14,${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">{axis}</text>
      <path d={path((p) => p.upper, true)} stroke="#b35900" strokeDasharray="4 3" fill="none" />
      <path d={path((p) => p.lower, true)} stroke="#b35900" strokeDasharray="4 3" fill="none" />
      {centre !== null && <line x1={left} x2={right} y1={y(centre)} y2={y(centre)} stroke="#4d4d4d" />}
      {target !== null && <line x1={left} x2={right} y1={y(target)} y2={y(target)} stroke="#1b7a34" strokeDasharray="8 4" />}
      <path d={path((p) => p.rate)} stroke="#0059b3" strokeWidth={2} fill="none" />
      {points.map((p, i) => p.rate !== null && <circle key={p.label} cx={xAt(i)} cy={y(p.rate)} r={3.5} fill="#0059b3" />)}
      {points.map((p, i) => (i % Math.ceil(points.length / 12) === 0) && <text key={p.label} x={xAt(i)} y={bottom + 16} textAnchor="middle">{p.label}</text>)}
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="#1a1a1a" />
    </Frame>
  );
}

/** A funnel plot: each unit's rate against its denominator, inside the 95 % and 99.8 % limits. */
export function FunnelSvg({ title, desc, axis, units, curve, centre }: {
  title: string; desc: string; axis: string; centre: number | null;
  units: { label: string; n: number; rate: number }[];
  curve: { n: number; limits95: { lower: number; upper: number } | null; limits998: { lower: number; upper: number } | null }[];
}) {
  const top = 16, bottom = 240, left = 60, right = W - 20;
  const maxN = Math.max(10, ...units.map((u) => u.n), ...curve.map((c) => c.n));
  const x = (n: number) => left + (right - left) * (n / maxN);
  const y = (v: number) => bottom - (bottom - top) * Math.min(1, Math.max(0, v));
  const line = (pick: (c: (typeof curve)[number]) => number | undefined) =>
    curve.filter((c) => pick(c) !== undefined).map((c, i) => `${i ? 'L' : 'M'}${x(c.n)},${y(pick(c)!)}`).join('');
  return (
    <Frame title={title} desc={desc} height={300}>
      {ticks(0, 1).map((v) => <g key={v}><line x1={left} x2={right} y1={y(v)} y2={y(v)} stroke="#eee" /><text x={left - 6} y={y(v) + 4} textAnchor="end">{label(v * 100)}</text></g>)}
      {ticks(0, maxN).map((n) => <text key={n} x={x(n)} y={bottom + 16} textAnchor="middle">{Math.round(n)}</text>)}
      <text transform={`translate(14,${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">%</text>
      <text x={(left + right) / 2} y={bottom + 40} textAnchor="middle">{axis}</text>
      {(['limits95', 'limits998'] as const).flatMap((k) => (['lower', 'upper'] as const).map((side) => (
        <path key={k + side} d={line((c) => c[k]?.[side])} fill="none" stroke={k === 'limits95' ? '#b35900' : '#7b1fa2'} strokeDasharray={k === 'limits95' ? '4 3' : '8 4'} />
      )))}
      {centre !== null && <line x1={left} x2={right} y1={y(centre)} y2={y(centre)} stroke="#4d4d4d" />}
      {units.map((u) => <circle key={u.label} cx={x(u.n)} cy={y(u.rate)} r={5} fill="#0059b3" stroke="#fff"><title>{u.label}</title></circle>)}
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="#1a1a1a" />
    </Frame>
  );
}
