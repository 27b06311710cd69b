// Pure layout for a small trend line: d3 scales and line generator, returning path data and point positions.
import { extent, line, scaleLinear } from 'd3';

export interface SparkPoint {
	date: string;
	value: number;
}

export interface SparkLayout {
	path: string;
	points: { x: number; y: number; date: string; value: number }[];
	/** Horizontal band of the target (y from, y to) when it falls inside the drawn range. */
	band: { y0: number; y1: number } | null;
}

/**
 * Lays out points oldest → newest, evenly spaced (measurements are irregular; order matters more
 * than spacing in a 100 px chart). `target` lines are included in the y-domain so the goal is visible.
 */
export function sparklineLayout(
	points: readonly SparkPoint[],
	width: number,
	height: number,
	target: { lo: number; hi: number } | null = null,
	pad = 3
): SparkLayout {
	if (points.length === 0) return { path: '', points: [], band: null };
	const values = points.map((p) => p.value);
	if (target) values.push(target.lo, target.hi);
	const [lo, hi] = extent(values) as [number, number];
	const span = hi - lo || Math.abs(hi) || 1;
	const y = scaleLinear()
		.domain([lo - span * 0.1, hi + span * 0.1])
		.range([height - pad, pad]);
	const x = scaleLinear()
		.domain([0, Math.max(1, points.length - 1)])
		.range(points.length === 1 ? [width / 2, width / 2] : [pad, width - pad]);
	const pts = points.map((p, i) => ({ x: x(i), y: y(p.value), date: p.date, value: p.value }));
	const path =
		line<{ x: number; y: number }>()
			.x((d) => d.x)
			.y((d) => d.y)(pts) ?? '';
	const band = target ? { y0: Math.min(y(target.lo), y(target.hi)), y1: Math.max(y(target.lo), y(target.hi)) } : null;
	return { path, points: pts, band };
}
