// Value-matrix scatter layout: symlog axes (spend and CLV are heavily skewed), split lines, and a deterministic sample of points.
import { scaleSymlog } from 'd3';

export interface MatrixPoint {
	k: number;
	cx: number;
	cy: number;
	q: number;
}

/** At most `max` indices, evenly spread over the input (stable between renders). */
export function samplePoints(n: number, max: number): Int32Array {
	if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
	const out = new Int32Array(max);
	for (let i = 0; i < max; i++) out[i] = Math.floor((i * n) / max);
	return out;
}

export function valueMatrixLayout(
	xs: ArrayLike<number>,
	ys: ArrayLike<number>,
	quadrant: ArrayLike<number>,
	split: { x: number; y: number },
	width: number,
	height: number,
	max = 2000
) {
	let xMax = 1;
	let yMax = 1;
	let xMin = 0;
	let yMin = 0;
	for (let i = 0; i < xs.length; i++) {
		if (Number.isFinite(xs[i])) {
			xMax = Math.max(xMax, xs[i]);
			xMin = Math.min(xMin, xs[i]);
		}
		if (Number.isFinite(ys[i])) {
			yMax = Math.max(yMax, ys[i]);
			yMin = Math.min(yMin, ys[i]);
		}
	}
	const constant = (m: number) => Math.max(1, m / 1000);
	const x = scaleSymlog().constant(constant(xMax)).domain([xMin, xMax]).range([0, width]);
	const y = scaleSymlog().constant(constant(yMax)).domain([yMin, yMax]).range([height, 0]);
	const points: MatrixPoint[] = [];
	for (const k of samplePoints(xs.length, max)) {
		if (!Number.isFinite(xs[k]) || !Number.isFinite(ys[k])) continue;
		points.push({ k, cx: x(xs[k]), cy: y(ys[k]), q: quadrant[k] });
	}
	// 0 (or the minimum) and the powers of ten, dropping any tick closer than `gap` px to the one before (symlog
	// squeezes 0 and 1 together when the maximum is in the thousands).
	const ticks = (lo: number, hi: number, scale: (v: number) => number, gap: number) => {
		const all = [lo];
		for (let p = 1; p <= hi; p *= 10) if (p > lo) all.push(p);
		const out: number[] = [];
		for (const t of all) if (!out.length || Math.abs(scale(t) - scale(out[out.length - 1])) >= gap) out.push(t);
		return out.slice(0, 8);
	};
	// One path per quadrant (dots as zero-length round-capped segments): 4 DOM nodes instead of thousands.
	const paths = ['', '', '', ''];
	for (const p of points) paths[p.q] += `M${p.cx.toFixed(1)},${p.cy.toFixed(1)}h0`;
	return {
		x,
		y,
		points,
		paths,
		splitX: x(Math.min(Math.max(split.x, xMin), xMax)),
		splitY: y(Math.min(Math.max(split.y, yMin), yMax)),
		xTicks: ticks(xMin, xMax, x, 28),
		yTicks: ticks(yMin, yMax, y, 18),
		/** How many plotted customers sit within 2 px of the bottom edge (e.g. no predicted repeat value). */
		onFloor: points.reduce((n, p) => n + (p.cy >= height - 2 ? 1 : 0), 0)
	};
}
