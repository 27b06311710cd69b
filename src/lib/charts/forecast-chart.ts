// Pure data prep and geometry for the forecast chart: points on one x axis (time or index), domains, d3 line/area paths.
import { area, line, scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3';

export interface ChartInput {
	history: Float64Array;
	starts: Float64Array | null;
	futureStarts: Float64Array | null;
	mean: Float64Array;
	lo80: Float64Array;
	hi80: Float64Array;
	lo95: Float64Array;
	hi95: Float64Array;
	missing: number[];
	outliers: number[];
	eventSpans: { key: string; from: number; to: number }[];
	windows: { origin: number; mean: Float64Array }[];
	/** one interval in x units (ms for time, 1 for index) */
	step: number;
}

export interface Pt {
	x: number;
	y: number;
}
export interface BandPt {
	x: number;
	lo: number;
	hi: number;
}

export interface ChartData {
	time: boolean;
	history: Pt[];
	forecast: Pt[];
	band80: BandPt[];
	band95: BandPt[];
	windows: { x0: number; x1: number; pts: Pt[] }[];
	outliers: Pt[];
	missing: number[];
	events: { key: string; x0: number; x1: number }[];
	full: [number, number];
	/** what the chart opens on: recent history and the whole forecast */
	initial: [number, number];
	yMax: number;
}

/** Turn a forecast result into plot points; the forecast line starts at the last observed point so the two join. */
export function chartData(v: ChartInput): ChartData {
	const time = v.starts !== null;
	const n = v.history.length;
	const h = v.mean.length;
	const xh = (i: number): number => (time ? v.starts![i] : i + 1);
	const xf = (i: number): number => (time && v.futureStarts ? v.futureStarts[i] : n + i + 1);
	const history: Pt[] = [];
	for (let i = 0; i < n; i++) history.push({ x: xh(i), y: v.history[i] });
	const forecast: Pt[] = [];
	const band80: BandPt[] = [];
	const band95: BandPt[] = [];
	let lastObs = n - 1;
	while (lastObs >= 0 && !Number.isFinite(v.history[lastObs])) lastObs--;
	if (lastObs === n - 1 && n > 0) {
		const y = v.history[n - 1];
		forecast.push({ x: xh(n - 1), y });
		band80.push({ x: xh(n - 1), lo: y, hi: y });
		band95.push({ x: xh(n - 1), lo: y, hi: y });
	}
	let yMax = 0;
	for (let i = 0; i < h; i++) {
		const x = xf(i);
		forecast.push({ x, y: v.mean[i] });
		band80.push({ x, lo: Math.max(0, v.lo80[i]), hi: v.hi80[i] });
		band95.push({ x, lo: Math.max(0, v.lo95[i]), hi: v.hi95[i] });
		if (Number.isFinite(v.hi95[i])) yMax = Math.max(yMax, v.hi95[i]);
	}
	for (const p of history) if (Number.isFinite(p.y)) yMax = Math.max(yMax, p.y);
	const windows = v.windows.map((w) => {
		const pts: Pt[] = [];
		for (let k = 0; k < w.mean.length && w.origin + k < n; k++) pts.push({ x: xh(w.origin + k), y: w.mean[k] });
		const x0 = pts.length ? pts[0].x - v.step / 2 : 0;
		const x1 = pts.length ? pts[pts.length - 1].x + v.step / 2 : 0;
		return { x0, x1, pts };
	});
	const outliers = v.outliers.filter((i) => i < n).map((i) => ({ x: xh(i), y: v.history[i] }));
	const missing = v.missing.filter((i) => i < n).map(xh);
	const first = n > 0 ? xh(0) : xf(0);
	const last = h > 0 ? xf(h - 1) : n > 0 ? xh(n - 1) : first + 1;
	const full: [number, number] = [first, last === first ? first + v.step : last];
	// Open on about three horizons of history (at least two weeks of days or slots) so the forecast is readable.
	const show = Math.max(3 * h, time ? 0 : 24);
	const startIdx = Math.max(0, n - show);
	const initial: [number, number] = [n > 0 ? xh(startIdx) : full[0], full[1]];
	const events = v.eventSpans.map((e) => ({ key: e.key, x0: e.from, x1: e.to }));
	return { time, history, forecast, band80, band95, windows, outliers, missing, events, full, initial, yMax: yMax || 1 };
}

export type XScale = ScaleTime<number, number> | ScaleLinear<number, number>;

export function xScale(time: boolean, domain: [number, number], range: [number, number]): XScale {
	return time
		? scaleUtc()
				.domain([new Date(domain[0]), new Date(domain[1])])
				.range(range)
		: scaleLinear().domain(domain).range(range);
}

const xOf = (x: XScale, v: number): number => (x as (v: number | Date) => number)(v);

export function linePath(pts: Pt[], x: XScale, y: ScaleLinear<number, number>): string {
	return (
		line<Pt>()
			.defined((p) => Number.isFinite(p.y))
			.x((p) => xOf(x, p.x))
			.y((p) => y(p.y))(pts) ?? ''
	);
}

export function bandPath(pts: BandPt[], x: XScale, y: ScaleLinear<number, number>): string {
	return (
		area<BandPt>()
			.defined((p) => Number.isFinite(p.lo) && Number.isFinite(p.hi))
			.x((p) => xOf(x, p.x))
			.y0((p) => y(p.lo))
			.y1((p) => y(p.hi))(pts) ?? ''
	);
}

/** Points inside the visible domain (plus one either side so lines reach the edges). */
export function clip<T extends { x: number }>(pts: T[], d: [number, number]): T[] {
	let a = 0;
	let b = pts.length;
	while (a < b && pts[a].x < d[0]) a++;
	while (b > a && pts[b - 1].x > d[1]) b--;
	return pts.slice(Math.max(0, a - 1), Math.min(pts.length, b + 1));
}

/** Every k-th point, keeping peaks: for the overview strip of long intraday series. */
export function thin(pts: Pt[], max: number): Pt[] {
	if (pts.length <= max) return pts;
	const k = Math.ceil(pts.length / max);
	const out: Pt[] = [];
	for (let i = 0; i < pts.length; i += k) {
		let best = pts[i];
		for (let j = i + 1; j < Math.min(pts.length, i + k); j++) if (Number.isFinite(pts[j].y) && !(pts[j].y <= best.y)) best = pts[j];
		out.push({ x: pts[i].x, y: best.y });
	}
	return out;
}

export function yScale(yMax: number, range: [number, number]): ScaleLinear<number, number> {
	return scaleLinear()
		.domain([0, yMax * 1.05])
		.nice()
		.range(range);
}
