// Forecast-screen logic the worker runs (pure, Node-testable): contact rows → regular series, pasted numbers, forecast with
// events, rolling-origin backtest with the window forecasts kept for the chart, and the per-interval staffing plan.
import {
	forecastSeries,
	applyEventsDetailed,
	AccuracyAccumulator,
	maseScale,
	detectOutliers,
	interpolateMissing
} from '$lib/domain/analytics/forecast';
import type { Accuracy, CalendarEvent, EventEffect, Forecast, MethodName, Note } from '$lib/domain/analytics/forecast';
import { requiredAgents, type StaffingResult } from '$lib/domain/analytics/staffing';
import type { ContactInterval } from '$lib/domain/dataset/fields';

export type Interval = ContactInterval;
export const INTERVALS: readonly Interval[] = ['month', 'week', 'day', '60min', '30min', '15min'];

const MIN = 60_000;
const DAY = 86_400_000;

export const isIntraday = (iv: Interval): boolean => iv === '15min' || iv === '30min' || iv === '60min';
/** Interval length in seconds (a month counts as 30.44 days; only used where an average is good enough). */
export function intervalSeconds(iv: Interval): number {
	switch (iv) {
		case 'month':
			return 2_629_800;
		case 'week':
			return 604_800;
		case 'day':
			return 86_400;
		default:
			return parseInt(iv, 10) * 60;
	}
}
export const slotsPerDay = (iv: Interval): number => (isIntraday(iv) ? 1440 / parseInt(iv, 10) : 1);

/** Start of the interval holding `ms` (UTC wall clock; weeks start on Monday). */
export function periodStart(ms: number, iv: Interval): number {
	switch (iv) {
		case 'month': {
			const d = new Date(ms);
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
		}
		case 'week': {
			const day = Math.floor(ms / DAY);
			return (day - ((((day + 3) % 7) + 7) % 7)) * DAY;
		}
		case 'day':
			return Math.floor(ms / DAY) * DAY;
		default: {
			const step = parseInt(iv, 10) * MIN;
			return Math.floor(ms / step) * step;
		}
	}
}

export function nextPeriod(ms: number, iv: Interval, k = 1): number {
	if (iv === 'month') {
		const d = new Date(ms);
		return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
	}
	return ms + k * intervalSeconds(iv) * 1000;
}

/** Seasonal periods the engine gets for each interval (intraday: day and week; daily: week, plus year with 2+ years). */
export function seasonsFor(iv: Interval, n: number): number[] {
	switch (iv) {
		case 'month':
			return [12];
		case 'week':
			return [52];
		case 'day':
			// Two full years make the yearly cycle usable; the multi-seasonal method then models week × year together.
			return n >= 2 * 365 ? [7, 365] : [7];
		default: {
			const k = slotsPerDay(iv);
			return [k, 7 * k];
		}
	}
}

export interface Series {
	values: Float64Array;
	/** epoch ms of each interval start (UTC wall clock), or null for index-only pasted numbers */
	starts: Float64Array | null;
	/** average handle time per interval in seconds (NaN unknown), when the data had it */
	aht: Float64Array | null;
}

export type SeriesError =
	{ code: 'no-rows' } | { code: 'finer-than-data'; dataMinutes: number } | { code: 'too-many-intervals'; count: number; max: number };

export const MAX_INTERVALS = 60_000;

/**
 * Sum contact rows into a regular grid of intervals. With a `count` column each row is a period total; without it each row is
 * one contact (a log). Empty intervals inside the range are 0 for a log (nobody called), missing for period totals, except
 * intraday slots of the day that never hold data anywhere (closed hours), which are 0.
 */
export function aggregateContacts(
	cols: { timestamp: Float64Array; count?: Float64Array | null; aht?: Float64Array | null },
	iv: Interval,
	keep?: (row: number) => boolean
): { ok: true; series: Series } | { ok: false; error: SeriesError } {
	const ts = cols.timestamp;
	const cnt = cols.count ?? null;
	const ahtCol = cols.aht ?? null;
	const rows: number[] = [];
	for (let i = 0; i < ts.length; i++) if (Number.isFinite(ts[i]) && (!keep || keep(i))) rows.push(i);
	if (rows.length === 0) return { ok: false, error: { code: 'no-rows' } };
	let lo = Infinity;
	let hi = -Infinity;
	for (const i of rows) {
		if (ts[i] < lo) lo = ts[i];
		if (ts[i] > hi) hi = ts[i];
	}
	// Period totals cannot be split into finer intervals than they were recorded at.
	if (cnt) {
		const uniq = Float64Array.from(new Set(rows.map((i) => ts[i]))).sort();
		let step = Infinity;
		for (let k = 1; k < uniq.length; k++) step = Math.min(step, uniq[k] - uniq[k - 1]);
		const want = iv === 'month' ? 28 * DAY : intervalSeconds(iv) * 1000;
		if (Number.isFinite(step) && step > want * 1.001)
			return { ok: false, error: { code: 'finer-than-data', dataMinutes: Math.round(step / MIN) } };
	}
	// Intraday grids cover whole days (00:00 to the last slot): the engine's day × week cycles assume slot 0 is midnight.
	const first = isIntraday(iv) ? periodStart(lo, 'day') : periodStart(lo, iv);
	const last = isIntraday(iv) ? periodStart(hi, 'day') + DAY - intervalSeconds(iv) * 1000 : periodStart(hi, iv);
	const starts: number[] = [];
	for (let t = first; t <= last; t = nextPeriod(t, iv)) {
		starts.push(t);
		if (starts.length > MAX_INTERVALS)
			return { ok: false, error: { code: 'too-many-intervals', count: starts.length, max: MAX_INTERVALS } };
	}
	const n = starts.length;
	const index = (t: number): number => {
		if (iv !== 'month') return Math.round((t - first) / (intervalSeconds(iv) * 1000));
		const a = new Date(first);
		const b = new Date(t);
		return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
	};
	const values = new Float64Array(n);
	const seen = new Uint8Array(n);
	const ahtSum = new Float64Array(n);
	const ahtW = new Float64Array(n);
	for (const i of rows) {
		const k = index(periodStart(ts[i], iv));
		const w = cnt ? cnt[i] : 1;
		if (!Number.isFinite(w)) continue;
		values[k] += w;
		seen[k] = 1;
		if (ahtCol && Number.isFinite(ahtCol[i]) && w > 0) {
			ahtSum[k] += ahtCol[i] * w;
			ahtW[k] += w;
		}
	}
	if (cnt) {
		const k = slotsPerDay(iv);
		const slotSeen = new Uint8Array(k);
		if (k > 1) for (let j = 0; j < n; j++) if (seen[j]) slotSeen[j % k] = 1;
		for (let j = 0; j < n; j++) if (!seen[j] && (k === 1 || slotSeen[j % k])) values[j] = NaN;
	}
	let anyAht = false;
	const aht = new Float64Array(n);
	for (let j = 0; j < n; j++) {
		aht[j] = ahtW[j] > 0 ? ahtSum[j] / ahtW[j] : NaN;
		if (ahtW[j] > 0) anyAht = true;
	}
	return { ok: true, series: { values, starts: Float64Array.from(starts), aht: anyAht ? aht : null } };
}

export interface PasteResult {
	values: Float64Array;
	starts: Float64Array | null;
	/** 1-based line numbers (with the offending text) that could not be read */
	errors: { line: number; text: string }[];
}

const parseNum = (s: string): number => {
	const t = s.trim().replace(/[\s,](?=\d{3}\b)/g, '');
	if (t === '') return NaN;
	return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
};

/** Pasted numbers: one value per line, or `date,value` lines (a header line is skipped); dates are placed on the interval grid. */
export function parsePasted(text: string, iv: Interval): PasteResult {
	const lines = text.split(/\r?\n/);
	const errors: PasteResult['errors'] = [];
	const pairs: { t: number; v: number }[] = [];
	const plain: number[] = [];
	let dated: boolean | null = null;
	lines.forEach((raw, i) => {
		const line = raw.trim();
		if (!line) return;
		const cells = line.split(/\t|,|;/).map((c) => c.trim());
		if (cells.length >= 2) {
			const v = parseNum(cells[cells.length - 1]);
			const t = parsePastedDate(cells[0]);
			if (Number.isNaN(t) || Number.isNaN(v)) {
				if (pairs.length === 0 && plain.length === 0 && errors.length === 0 && Number.isNaN(v)) return; // header
				errors.push({ line: i + 1, text: line.slice(0, 60) });
				return;
			}
			if (dated === false) errors.push({ line: i + 1, text: line.slice(0, 60) });
			else {
				dated = true;
				pairs.push({ t, v });
			}
			return;
		}
		const v = parseNum(line);
		if (Number.isNaN(v)) {
			if (pairs.length === 0 && plain.length === 0 && errors.length === 0 && !/\d/.test(line)) return; // header
			errors.push({ line: i + 1, text: line.slice(0, 60) });
		} else if (dated === true) errors.push({ line: i + 1, text: line.slice(0, 60) });
		else {
			dated = false;
			plain.push(v);
		}
	});
	if (!dated) return { values: Float64Array.from(plain), starts: null, errors };
	const r = aggregateContacts({ timestamp: Float64Array.from(pairs, (p) => p.t), count: Float64Array.from(pairs, (p) => p.v) }, iv);
	if (!r.ok) {
		// Dates coarser than the interval: keep them in order as plain values rather than refuse.
		return {
			values: Float64Array.from(
				pairs.sort((a, b) => a.t - b.t),
				(p) => p.v
			),
			starts: null,
			errors
		};
	}
	return { values: r.series.values, starts: r.series.starts, errors };
}

function parsePastedDate(s: string): number {
	const m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
	if (!m) return NaN;
	const [y, mo, d, hh, mm] = [+m[1], +m[2], m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0];
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59) return NaN;
	const t = Date.UTC(y, mo - 1, d, hh, mm);
	return new Date(t).getUTCDate() === d ? t : NaN;
}

// ---------------------------------------------------------------- forecasting

export interface RunParams {
	method: MethodName;
	interval: Interval;
	horizon: number;
	/** enabled calendar events (daily and intraday series only) */
	events: CalendarEvent[];
	backtest: boolean;
}

export interface BacktestRow {
	method: MethodName;
	accuracy: Accuracy;
}

export interface BacktestSummary {
	/** steps per window, number of windows */
	h: number;
	windows: number;
	/** the span the windows cover, in words the UI can count: e.g. 8 weeks */
	span: { count: number; unit: 'interval' | 'hour' | 'day' | 'week' | 'month' };
	rows: BacktestRow[];
	/** the chosen method's forecasts inside each window (drawn as "what it would have said") */
	windowsOf: { origin: number; mean: Float64Array }[];
}

export interface EventSpan {
	key: string;
	from: number;
	to: number;
}

export interface RunResult {
	method: MethodName;
	model: string;
	notes: Note[];
	seasons: number[];
	history: Float64Array;
	starts: Float64Array | null;
	futureStarts: Float64Array | null;
	missing: number[];
	outliers: number[];
	forecast: Pick<Forecast, 'mean' | 'lo80' | 'hi80' | 'lo95' | 'hi95'>;
	effects: EventEffect[];
	eventSpans: EventSpan[];
	backtest: BacktestSummary | null;
	/** intraday: slots of the day that never had a contact in the history, forecast as closed (0) */
	closedSlots: number;
	timing: { forecastMs: number; backtestMs: number };
}

/**
 * Methods scored in the backtest next to the chosen one. Monthly and weekly series are short, so every model is compared;
 * daily and intraday series are long and each ETS refit costs, so they are compared with the cheap, honest baselines.
 */
export function comparisonMethods(chosen: MethodName, iv: Interval): MethodName[] {
	const pool: MethodName[] =
		iv === 'month' || iv === 'week'
			? ['auto', 'ets', 'damped', 'theta', 'snaive']
			: isIntraday(iv)
				? ['mseasonal', 'snaive']
				: ['theta', 'snaive'];
	return [chosen, ...pool.filter((m) => m !== chosen)];
}

export function backtestPlan(iv: Interval, n: number, horizon: number): { h: number; windows: number } {
	let h: number;
	let windows: number;
	switch (iv) {
		case 'month':
			h = Math.min(horizon, 6);
			windows = 4;
			break;
		case 'week':
			h = Math.min(horizon, 4);
			windows = 6;
			break;
		case 'day':
			h = 14;
			windows = 4;
			break;
		default:
			h = slotsPerDay(iv);
			windows = 7;
	}
	// Keep at least half the history (and two points) for the first fit.
	while (windows > 1 && n - windows * h < Math.max(2, Math.floor(n / 2))) windows--;
	if (n - h < 4) windows = 0;
	return { h, windows };
}

function spanOf(iv: Interval, steps: number): BacktestSummary['span'] {
	switch (iv) {
		case 'month':
			return { count: steps, unit: 'month' };
		case 'week':
			return { count: steps, unit: 'week' };
		case 'day':
			return steps % 7 === 0 ? { count: steps / 7, unit: 'week' } : { count: steps, unit: 'day' };
		default: {
			const k = slotsPerDay(iv);
			return steps % k === 0 ? { count: steps / k, unit: 'day' } : { count: steps, unit: 'interval' };
		}
	}
}

const toDay = (ms: number): number => Math.floor(ms / DAY);

/** Event spans (first to last day, inclusive ms) inside [from, to], one per occurrence. */
export function eventSpans(events: readonly CalendarEvent[], from: number, to: number): EventSpan[] {
	const out: EventSpan[] = [];
	for (const e of events)
		for (const d of e.dates) {
			const start = (toDay(Date.parse(d + 'T00:00:00Z')) - (e.before ?? 0)) * DAY;
			const end = start + (e.days + (e.before ?? 0)) * DAY - 1;
			if (end >= from && start <= to) out.push({ key: e.key, from: start, to: end });
		}
	return out.sort((a, b) => a.from - b.from);
}

/**
 * Slots of the day without a single contact in the whole history (at least two weeks of it) are closed hours: the
 * intraday shape's smoothing would otherwise leak a trickle of contacts, and staff, into them.
 */
export function zeroClosedSlots(y: Float64Array, k: number, f: Pick<Forecast, 'mean' | 'lo80' | 'hi80' | 'lo95' | 'hi95'>): number {
	const n = y.length;
	if (n < 14 * k) return 0;
	const closed: number[] = [];
	for (let s = 0; s < k; s++) {
		let any = false;
		for (let i = s; i < n; i += k) if (Number.isFinite(y[i]) && y[i] !== 0) any = true;
		if (!any) closed.push(s);
	}
	if (closed.length === 0 || closed.length === k) return 0;
	const set = new Set(closed);
	for (let j = 0; j < f.mean.length; j++)
		if (set.has((n + j) % k)) {
			f.mean[j] = 0;
			f.lo80[j] = 0;
			f.hi80[j] = 0;
			f.lo95[j] = 0;
			f.hi95[j] = 0;
		}
	return closed.length;
}

/**
 * Outliers of an intraday series looked for among open hours only. Slots of the day that are always zero (closed) make
 * most residuals exactly zero, which shrinks the spread the detector compares against and flags ordinary busy slots.
 * Returns null when every slot of the day is open (the engine's own flags stand).
 */
export function openSlotOutliers(y: Float64Array, k: number): number[] | null {
	const n = y.length;
	if (n < 2 * k) return null;
	const open: number[] = [];
	for (let s = 0; s < k; s++) {
		let any = false;
		for (let i = s; i < n; i += k) if (Number.isFinite(y[i]) && y[i] !== 0) any = true;
		if (any) open.push(s);
	}
	if (open.length === k || open.length === 0) return null;
	const idx: number[] = [];
	for (let d = 0; d * k < n; d++) for (const s of open) if (d * k + s < n) idx.push(d * k + s);
	const vals = idx.map((i) => (Number.isFinite(y[i]) ? y[i] : 0));
	return detectOutliers(vals, open.length).map((j) => idx[j]);
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export interface Progress {
	(stage: 'forecast' | 'backtest', fraction: number): void;
}

/** Forecast a series, with events (daily/intraday with dates) and the backtest; `cancelled()` is polled between windows. */
export function runForecast(series: Series, p: RunParams, onProgress?: Progress, cancelled?: () => boolean): RunResult | null {
	const y = series.values;
	const n = y.length;
	const h = Math.max(1, Math.round(p.horizon));
	const seasons = seasonsFor(p.interval, n);
	const t0 = now();
	onProgress?.('forecast', 0);
	const useEvents = series.starts !== null && p.events.length > 0 && (p.interval === 'day' || isIntraday(p.interval));
	const run = (vals: ArrayLike<number>): Forecast =>
		forecastSeries(vals, p.method, { h, season: seasons.length === 1 ? seasons[0] : seasons });
	let f: Forecast;
	let effects: EventEffect[] = [];
	if (useEvents) {
		const times = Array.from(series.starts!, (t) => new Date(t).toISOString());
		// The engine interpolates missing values itself; events need finite input for their baselines.
		const r = applyEventsDetailed(y, times, p.events, (clean) => run(clean), h, {
			period: p.interval === 'day' ? 7 : slotsPerDay(p.interval)
		});
		f = r.forecast;
		effects = r.effects;
		// Outlier/missing positions refer to the event-cleaned series; missing ones must come from the raw values.
		const missing: number[] = [];
		for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) missing.push(i);
		f.issues = { missing, outliers: f.issues?.outliers ?? [] };
	} else f = run(y);
	let closedSlots = 0;
	if (isIntraday(p.interval)) closedSlots = zeroClosedSlots(y, slotsPerDay(p.interval), f);
	if (isIntraday(p.interval) && f.issues) {
		const open = openSlotOutliers(y, slotsPerDay(p.interval));
		if (open) {
			f.issues = { ...f.issues, outliers: open };
			f.notes = f.notes
				.filter((x) => x.code !== 'outliers-detected')
				.concat(open.length ? [{ code: 'outliers-detected', values: { count: open.length, first: open[0] } }] : []);
		}
	}
	const forecastMs = now() - t0;
	onProgress?.('forecast', 1);
	let futureStarts: Float64Array | null = null;
	if (series.starts && n > 0) {
		futureStarts = new Float64Array(h);
		const last = series.starts[n - 1];
		for (let k = 0; k < h; k++) futureStarts[k] = nextPeriod(last, p.interval, k + 1);
	}
	let bt: BacktestSummary | null = null;
	const t1 = now();
	if (p.backtest && n > 0) {
		bt = runBacktest(y, p, seasons, onProgress, cancelled);
		if (bt === null && cancelled?.()) return null;
	}
	const backtestMs = now() - t1;
	const from = series.starts?.[0] ?? 0;
	const to = futureStarts?.[h - 1] ?? 0;
	return {
		method: f.method,
		model: f.model,
		notes: f.notes,
		seasons,
		history: y,
		starts: series.starts,
		futureStarts,
		missing: f.issues?.missing ?? [],
		outliers: f.issues?.outliers ?? [],
		forecast: { mean: f.mean, lo80: f.lo80, hi80: f.hi80, lo95: f.lo95, hi95: f.hi95 },
		effects,
		eventSpans: series.starts && (p.interval === 'day' || isIntraday(p.interval)) ? eventSpans(p.events, from, to) : [],
		backtest: bt,
		closedSlots,
		timing: { forecastMs, backtestMs }
	};
}

/** Rolling origin over the last windows, every compared method; returns null when cancelled part-way. */
export function runBacktest(
	y: Float64Array,
	p: RunParams,
	seasons: number[],
	onProgress?: Progress,
	cancelled?: () => boolean
): BacktestSummary | null {
	const steps = backtestSteps(y, p, seasons);
	let out: BacktestSummary | null = null;
	for (let r = steps.next(); ; r = steps.next()) {
		if (r.done) {
			out = r.value;
			break;
		}
		if (cancelled?.()) return null;
		onProgress?.('backtest', r.value);
	}
	return out;
}

/** The same, yielding to the worker's event loop between windows so a cancel message can arrive. */
export async function runBacktestAsync(
	y: Float64Array,
	p: RunParams,
	onFraction?: (f: number) => void,
	cancelled?: () => boolean
): Promise<BacktestSummary | null> {
	const steps = backtestSteps(y, p, seasonsFor(p.interval, y.length));
	for (let r = steps.next(); ; r = steps.next()) {
		if (r.done) return r.value;
		onFraction?.(r.value);
		await new Promise((res) => setTimeout(res, 0));
		if (cancelled?.()) return null;
	}
}

function* backtestSteps(y: Float64Array, p: RunParams, seasons: number[]): Generator<number, BacktestSummary, void> {
	const n = y.length;
	const { h, windows } = backtestPlan(p.interval, n, p.horizon);
	const methods = comparisonMethods(p.method, p.interval);
	const rows: BacktestRow[] = [];
	const windowsOf: BacktestSummary['windowsOf'] = [];
	const origins: number[] = [];
	for (let w = windows - 1; w >= 0; w--) origins.push(n - h - w * h);
	const m = seasons[0] ?? 1;
	const total = methods.length * origins.length;
	const hasGaps = y.some((v) => !Number.isFinite(v));
	const filled = hasGaps ? interpolateMissing(y).values : y;
	let done = 0;
	for (const method of methods) {
		const acc = new AccuracyAccumulator();
		for (const origin of origins) {
			const train = y.subarray(0, origin);
			const test = y.subarray(origin, origin + h);
			const season = seasons.filter((s) => origin >= 2 * s);
			const f = forecastSeries(train, method, { h, season: season.length > 1 ? season : (season[0] ?? seasons[0]) });
			// The scale needs a gap-free history (a missing day would make it NaN).
			acc.add(test, f, maseScale(hasGaps ? filled.subarray(0, origin) : train, m));
			if (method === p.method) windowsOf.push({ origin, mean: f.mean });
			yield ++done / total;
		}
		rows.push({ method, accuracy: acc.result() });
	}
	return { h, windows: origins.length, span: spanOf(p.interval, h * origins.length), rows, windowsOf };
}

// ---------------------------------------------------------------- staffing

export interface StaffParams {
	/** share answered within `targetSeconds`, e.g. 0.8 */
	serviceLevel: number;
	targetSeconds: number;
	ahtSeconds: number;
	maxOccupancy: number;
	shrinkage: number;
	model: 'erlang-c' | 'erlang-a';
	patienceSeconds: number;
	/** Erlang A: cap on the share hanging up (0..1), or null for none */
	maxAbandon: number | null;
	/** plan on the point forecast or on the upper 80% bound */
	basis: 'mean' | 'hi80';
	/** daily series: opening hours the day's volume is spread over, as minutes from midnight, and the slot length */
	openFrom: number;
	openTo: number;
	slotMinutes: 15 | 30 | 60;
}

export interface StaffRow extends StaffingResult {
	start: number;
	contacts: number;
}

export interface StaffPlan {
	rows: StaffRow[];
	slotMinutes: number;
	/** true when daily volumes were spread evenly over opening hours */
	spread: boolean;
	peak: StaffRow | null;
	trough: StaffRow | null;
	totals: { contacts: number; scheduledHours: number; rawHours: number; serviceLevel: number; abandon: number };
}

/**
 * Staff every interval of a forecast. Intraday forecasts are staffed as they are; daily forecasts are spread evenly over the
 * opening hours in slots (a flat intraday profile, which the UI says plainly). Weekly/monthly series are not staffable.
 */
export function staffPlan(
	f: { starts: Float64Array | null; mean: ArrayLike<number>; hi80: ArrayLike<number> },
	iv: Interval,
	p: StaffParams
): StaffPlan | null {
	if (!(iv === 'day' || isIntraday(iv))) return null;
	const src = p.basis === 'hi80' ? f.hi80 : f.mean;
	const n = src.length;
	const slots: { start: number; contacts: number }[] = [];
	let slotMinutes: number;
	const spread = iv === 'day';
	if (spread) {
		slotMinutes = p.slotMinutes;
		const from = Math.max(0, Math.min(1440, p.openFrom));
		const to = Math.max(from, Math.min(1440, p.openTo));
		const k = Math.max(1, Math.floor((to - from) / slotMinutes));
		for (let d = 0; d < n; d++) {
			const dayStart = f.starts ? f.starts[d] : d * DAY;
			const per = Math.max(0, Number.isFinite(src[d]) ? src[d] : 0) / k;
			for (let s = 0; s < k; s++) slots.push({ start: dayStart + (from + s * slotMinutes) * MIN, contacts: per });
		}
	} else {
		slotMinutes = parseInt(iv, 10);
		for (let i = 0; i < n; i++)
			slots.push({
				start: f.starts ? f.starts[i] : i * slotMinutes * MIN,
				contacts: Math.max(0, Number.isFinite(src[i]) ? src[i] : 0)
			});
	}
	const intervalSec = slotMinutes * 60;
	const target = {
		serviceLevel: p.serviceLevel,
		maxOccupancy: p.maxOccupancy,
		shrinkage: p.shrinkage,
		...(p.model === 'erlang-a'
			? { patienceSeconds: p.patienceSeconds, ...(p.maxAbandon !== null ? { maxAbandon: p.maxAbandon } : {}) }
			: {})
	};
	const rows: StaffRow[] = [];
	let contacts = 0;
	let sched = 0;
	let raw = 0;
	let slw = 0;
	let abw = 0;
	let peak: StaffRow | null = null;
	let trough: StaffRow | null = null;
	// Identical loads (flat spreads, closed nights) are solved once.
	const memo = new Map<number, StaffingResult>();
	for (const s of slots) {
		const key = Math.round(s.contacts * 1e6);
		let r = memo.get(key);
		if (!r) {
			r = requiredAgents(
				{ contacts: s.contacts, intervalSeconds: intervalSec, ahtSeconds: p.ahtSeconds, targetSeconds: p.targetSeconds },
				target
			);
			memo.set(key, r);
		}
		const row: StaffRow = { ...r, start: s.start, contacts: s.contacts };
		rows.push(row);
		contacts += s.contacts;
		sched += r.scheduled;
		raw += r.rawAgents;
		slw += r.serviceLevel * s.contacts;
		abw += r.pAbandon * s.contacts;
		if (!peak || r.scheduled > peak.scheduled) peak = row;
		if (s.contacts >= 1 && (!trough || r.scheduled < trough.scheduled)) trough = row;
	}
	const hours = slotMinutes / 60;
	return {
		rows,
		slotMinutes,
		spread,
		peak,
		trough,
		totals: {
			contacts,
			scheduledHours: sched * hours,
			rawHours: raw * hours,
			serviceLevel: contacts > 0 ? slw / contacts : 1,
			abandon: contacts > 0 ? abw / contacts : 0
		}
	};
}

/** Day × slot grid of scheduled staff for the heatmap: rows are days (UTC), columns slots of the day. */
export function staffGrid(plan: StaffPlan): { days: number[]; slots: number[]; cells: (StaffRow | null)[][] } {
	const dayKeys = new Map<number, number>();
	const slotKeys = new Map<number, number>();
	for (const r of plan.rows) {
		const d = toDay(r.start) * DAY;
		if (!dayKeys.has(d)) dayKeys.set(d, 0);
		const s = Math.round((r.start - d) / MIN);
		slotKeys.set(s, 0);
	}
	const days = [...dayKeys.keys()].sort((a, b) => a - b);
	let slots = [...slotKeys.keys()].sort((a, b) => a - b);
	// Leave out the closed hours at either end of the day (no staff in any row): the open hours get the room.
	const busy = new Set<number>();
	for (const r of plan.rows) if (r.scheduled > 0) busy.add(Math.round((r.start - toDay(r.start) * DAY) / MIN));
	if (busy.size > 0) {
		const lo = slots.findIndex((x) => busy.has(x));
		let hi = slots.length - 1;
		while (hi > lo && !busy.has(slots[hi])) hi--;
		slots = slots.slice(lo, hi + 1);
		slotKeys.clear();
		for (const x of slots) slotKeys.set(x, 0);
	}
	days.forEach((d, i) => dayKeys.set(d, i));
	slots.forEach((s, i) => slotKeys.set(s, i));
	const cells: (StaffRow | null)[][] = days.map(() => slots.map(() => null));
	for (const r of plan.rows) {
		const d = toDay(r.start) * DAY;
		const c = slotKeys.get(Math.round((r.start - d) / MIN));
		if (c !== undefined) cells[dayKeys.get(d)!][c] = r;
	}
	return { days, slots, cells };
}
