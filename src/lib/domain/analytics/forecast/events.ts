// Calendar of special days (Chinese public holidays 2015–2030, shopping festivals, user promotions/closures) and how they
// enter a forecast: either as multiplicative effects estimated from past occurrences, or excluded from fitting.

import type { Forecast, Note } from './types';

export type EventTreatment = 'effect' | 'exclude' | 'closed';

export interface CalendarEvent {
	/** stable key, e.g. "spring-festival"; occurrences with the same key share one estimated effect */
	key: string;
	/** first day of each occurrence, YYYY-MM-DD */
	dates: string[];
	/** days covered from each start date (offsets 0..days-1), before `before` lead days */
	days: number;
	/** lead days before each date that are also affected (e.g. the eve) */
	before?: number;
	treatment: EventTreatment;
}

// Lunar-calendar dates (Gregorian) of the Chinese calendar; Qingming is a
// solar term. events-lunar.test.ts checks every date against lunar-javascript (2015–2030); extend the tables with it.
export const SPRING_FESTIVAL = [
	'2015-02-19',
	'2016-02-08',
	'2017-01-28',
	'2018-02-16',
	'2019-02-05',
	'2020-01-25',
	'2021-02-12',
	'2022-02-01',
	'2023-01-22',
	'2024-02-10',
	'2025-01-29',
	'2026-02-17',
	'2027-02-06',
	'2028-01-26',
	'2029-02-13',
	'2030-02-03'
];
export const QINGMING = [
	'2015-04-05',
	'2016-04-04',
	'2017-04-04',
	'2018-04-05',
	'2019-04-05',
	'2020-04-04',
	'2021-04-04',
	'2022-04-05',
	'2023-04-05',
	'2024-04-04',
	'2025-04-04',
	'2026-04-05',
	'2027-04-05',
	'2028-04-04',
	'2029-04-04',
	'2030-04-05'
];
export const DRAGON_BOAT = [
	'2015-06-20',
	'2016-06-09',
	'2017-05-30',
	'2018-06-18',
	'2019-06-07',
	'2020-06-25',
	'2021-06-14',
	'2022-06-03',
	'2023-06-22',
	'2024-06-10',
	'2025-05-31',
	'2026-06-19',
	'2027-06-09',
	'2028-05-28',
	'2029-06-16',
	'2030-06-05'
];
export const MID_AUTUMN = [
	'2015-09-27',
	'2016-09-15',
	'2017-10-04',
	'2018-09-24',
	'2019-09-13',
	'2020-10-01',
	'2021-09-21',
	'2022-09-10',
	'2023-09-29',
	'2024-09-17',
	'2025-10-06',
	'2026-09-25',
	'2027-09-15',
	'2028-10-03',
	'2029-09-22',
	'2030-09-12'
];

const years = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Built-in presets; the UI lets users switch treatment or add their own promotions and closures. */
export function presetEvents(fromYear = 2015, toYear = 2030): CalendarEvent[] {
	const inRange = (d: string): boolean => {
		const y = Number(d.slice(0, 4));
		return y >= fromYear && y <= toYear;
	};
	const ys = years(fromYear, toYear);
	return [
		// The statutory break runs from New Year's Eve for seven days.
		{
			key: 'spring-festival',
			dates: SPRING_FESTIVAL.filter(inRange),
			days: 7,
			before: 1,
			treatment: 'effect'
		},
		{
			key: 'qingming',
			dates: QINGMING.filter(inRange),
			days: 1,
			treatment: 'effect'
		},
		{
			key: 'dragon-boat',
			dates: DRAGON_BOAT.filter(inRange),
			days: 1,
			treatment: 'effect'
		},
		{
			key: 'mid-autumn',
			dates: MID_AUTUMN.filter(inRange),
			days: 1,
			treatment: 'effect'
		},
		{
			key: 'national-day',
			dates: ys.map((y) => `${y}-10-01`),
			days: 7,
			treatment: 'effect'
		},
		{
			key: '618',
			dates: ys.map((y) => `${y}-06-18`),
			days: 1,
			treatment: 'effect'
		},
		{
			key: 'double-11',
			dates: ys.map((y) => `${y}-11-11`),
			days: 1,
			treatment: 'effect'
		}
	];
}

const DAY = 86_400_000;
const toDay = (iso: string): number => Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / DAY);

/** Map each day number to the event key covering it (later events in the list win overlaps). */
function dayIndex(events: readonly CalendarEvent[]): Map<number, CalendarEvent> {
	const map = new Map<number, CalendarEvent>();
	for (const e of events)
		for (const d of e.dates) {
			const start = toDay(d) - (e.before ?? 0);
			for (let k = 0; k < e.days + (e.before ?? 0); k++) map.set(start + k, e);
		}
	return map;
}

/** Events CSV: key,date,days[,treatment] (one occurrence per row). */
export function parseEventsCsv(text: string): CalendarEvent[] {
	const byKey = new Map<string, CalendarEvent>();
	const ls = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
	for (let i = 1; i < ls.length; i++) {
		const [key, date, days, treatment] = ls[i].split(',').map((s) => s.trim());
		const t: EventTreatment = treatment === 'exclude' || treatment === 'closed' ? treatment : 'effect';
		const e = byKey.get(key) ?? {
			key,
			dates: [],
			days: Number(days) || 1,
			treatment: t
		};
		e.dates.push(date);
		byKey.set(key, e);
	}
	return [...byKey.values()];
}

export interface EventEffect {
	key: string;
	/** multiplicative effect (1 = no change), median of actual / baseline over past occurrences */
	factor: number;
	/** how many past points supported it */
	points: number;
}

export interface EventsApplied {
	forecast: Forecast;
	effects: EventEffect[];
	/** indices of history points treated as event days */
	historyIndices: number[];
}

/** Infer the spacing of observations (ms) from timestamps; daily if unclear. */
function stepMs(times: readonly string[]): number {
	const n = times.length;
	for (let i = n - 1; i > 0; i--) {
		const d = Date.parse(times[i]) - Date.parse(times[i - 1]);
		if (d > 0) return d;
	}
	return DAY;
}

/**
 * Baseline for event points: mean of the same phase one and two periods either side that are not events themselves
 * (e.g. the same weekday for daily data), falling back to linear interpolation.
 */
function baseline(y: ArrayLike<number>, flagged: Uint8Array, period: number): Float64Array {
	const n = y.length;
	const b = Float64Array.from(y);
	for (let i = 0; i < n; i++) {
		if (!flagged[i]) continue;
		let s = 0;
		let c = 0;
		for (const k of [-2, -1, 1, 2]) {
			const j = i + k * period;
			if (j >= 0 && j < n && !flagged[j] && Number.isFinite(y[j])) {
				s += y[j];
				c++;
			}
		}
		b[i] = c > 0 ? s / c : NaN;
	}
	// linear fill for what is left
	let prev = -1;
	for (let i = 0; i <= n; i++) {
		if (i < n && Number.isNaN(b[i])) continue;
		if (i - prev > 1) {
			const a = prev >= 0 ? b[prev] : i < n ? b[i] : 0;
			const c = i < n ? b[i] : a;
			for (let k = prev + 1; k < i; k++) b[k] = a + ((c - a) * (k - prev)) / (i - prev);
		}
		prev = i;
	}
	return b;
}

/**
 * Fit on history with event days replaced by their baseline, forecast, then put future event days back: times the
 * estimated factor ("effect"), unchanged ("exclude"), or zero ("closed").
 */
export function applyEvents(
	y: ArrayLike<number>,
	times: readonly string[],
	events: readonly CalendarEvent[],
	forecaster: (clean: number[]) => Forecast,
	h: number,
	o: { period?: number } = {}
): Forecast & { effects?: EventEffect[] } {
	const r = applyEventsDetailed(y, times, events, forecaster, h, o);
	return Object.assign(r.forecast, { effects: r.effects });
}

export function applyEventsDetailed(
	y: ArrayLike<number>,
	times: readonly string[],
	events: readonly CalendarEvent[],
	forecaster: (clean: number[]) => Forecast,
	h: number,
	o: { period?: number } = {}
): EventsApplied {
	const n = y.length;
	// Index-only series (t = 1, 2, …) have no calendar: forecast as is rather than fail.
	const datesOk =
		n > 0 &&
		times.length === n &&
		!Number.isNaN(Date.parse(times[0])) &&
		!Number.isNaN(Date.parse(times[n - 1])) &&
		!/^\d+$/.test(times[0]);
	if (!datesOk) return { forecast: forecaster(Array.from(y)), effects: [], historyIndices: [] };
	const idx = dayIndex(events);
	const step = stepMs(times);
	const perDay = Math.max(1, Math.round(DAY / step));
	const period = o.period ?? (step >= DAY ? 7 : perDay);
	const flagged = new Uint8Array(n);
	const hist: number[] = [];
	for (let i = 0; i < n; i++) {
		if (idx.has(toDay(times[i]))) {
			flagged[i] = 1;
			hist.push(i);
		}
	}
	const base = baseline(y, flagged, period);
	const ratios = new Map<string, number[]>();
	for (const i of hist) {
		const e = idx.get(toDay(times[i]))!;
		if (e.treatment !== 'effect') continue;
		if (base[i] > 0 && Number.isFinite(y[i])) {
			const arr = ratios.get(e.key) ?? [];
			arr.push(y[i] / base[i]);
			ratios.set(e.key, arr);
		}
	}
	const effects: EventEffect[] = [...ratios.entries()].map(([key, rs]) => {
		const s = [...rs].sort((a, b) => a - b);
		const med = s.length % 2 ? s[(s.length - 1) / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
		return { key, factor: med, points: s.length };
	});
	const factor = new Map(effects.map((e) => [e.key, e.factor]));
	const f = forecaster(Array.from(base));
	const last = Date.parse(times[n - 1]);
	let touched = 0;
	for (let k = 0; k < h; k++) {
		const t = new Date(last + (k + 1) * step).toISOString();
		const e = idx.get(toDay(t));
		if (!e) continue;
		const mult = e.treatment === 'closed' ? 0 : e.treatment === 'effect' ? (factor.get(e.key) ?? 1) : 1;
		if (mult === 1) continue;
		touched++;
		f.mean[k] *= mult;
		f.lo80[k] *= mult;
		f.hi80[k] *= mult;
		f.lo95[k] *= mult;
		f.hi95[k] *= mult;
	}
	const notes: Note[] = [];
	if (hist.length > 0)
		notes.push({
			code: effects.length > 0 ? 'events-estimated' : 'events-excluded',
			values: { count: hist.length, future: touched }
		});
	f.notes = [...f.notes, ...notes];
	return { forecast: f, effects, historyIndices: hist };
}
