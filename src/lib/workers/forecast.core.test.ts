import { describe, expect, it } from 'vitest';
import {
	aggregateContacts,
	backtestPlan,
	eventSpans,
	openSlotOutliers,
	parsePasted,
	runForecast,
	seasonsFor,
	staffGrid,
	staffPlan,
	type StaffParams
} from './forecast.core';
import { presetEvents } from '$lib/domain/analytics/forecast';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1); // a Monday

function dailySeries(days: number, seed = 1): Float64Array {
	let s = seed;
	const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
	const week = [1.15, 1.1, 1.05, 1.0, 0.95, 0.6, 0.5];
	return Float64Array.from({ length: days }, (_, d) => Math.round((400 + d * 0.2) * week[d % 7] * (1 + 0.05 * rnd())));
}

const BASE: StaffParams = {
	serviceLevel: 0.8,
	targetSeconds: 20,
	ahtSeconds: 180,
	maxOccupancy: 0.85,
	shrinkage: 0.3,
	model: 'erlang-c',
	patienceSeconds: 120,
	maxAbandon: null,
	basis: 'mean',
	openFrom: 9 * 60,
	openTo: 21 * 60,
	slotMinutes: 30
};

describe('aggregateContacts', () => {
	it('counts log rows per 30-minute slot, with empty slots as zero', () => {
		const ts = Float64Array.from([0, 5, 29, 31, 95].map((m) => T0 + m * 60_000));
		const r = aggregateContacts({ timestamp: ts }, '30min');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(Array.from(r.series.values.slice(0, 4))).toEqual([3, 1, 0, 1]);
		expect(r.series.values.length).toBe(48); // whole days: midnight to 23:30
		expect(r.series.starts![1] - r.series.starts![0]).toBe(1800_000);
	});

	it('sums period totals, marks gaps missing, and keeps a filter (per channel)', () => {
		const ts = Float64Array.from([0, 0, 1, 3].map((d) => T0 + d * DAY));
		const count = Float64Array.from([10, 5, 7, 9]);
		const channel = [0, 1, 0, 0];
		const all = aggregateContacts({ timestamp: ts, count }, 'day');
		expect(all.ok && Array.from(all.series.values)).toEqual([15, 7, NaN, 9]);
		const phone = aggregateContacts({ timestamp: ts, count }, 'day', (i) => channel[i] === 0);
		expect(phone.ok && Array.from(phone.series.values)).toEqual([10, 7, NaN, 9]);
	});

	it('refuses to split daily totals into intraday intervals, and rolls days into weeks and months', () => {
		const ts = Float64Array.from({ length: 60 }, (_, d) => T0 + d * DAY);
		const count = new Float64Array(60).fill(1);
		const r = aggregateContacts({ timestamp: ts, count }, '30min');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toEqual({ code: 'finer-than-data', dataMinutes: 1440 });
		const w = aggregateContacts({ timestamp: ts, count }, 'week');
		expect(w.ok && Array.from(w.series.values)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
		const m = aggregateContacts({ timestamp: ts, count }, 'month');
		expect(m.ok && Array.from(m.series.values)).toEqual([31, 29]);
	});

	it('treats intraday slots that never have data (closed hours) as zero, other gaps as missing', () => {
		// two days, open 09:00-10:00 in 30-min slots, one open slot missing on day 2
		const rows = [
			[0, 9 * 60, 5],
			[0, 9 * 60 + 30, 6],
			[1, 9 * 60, 7]
		];
		const ts = Float64Array.from(rows, ([d, m]) => T0 + d * DAY + m * 60_000);
		const count = Float64Array.from(rows, (r) => r[2]);
		const r = aggregateContacts({ timestamp: ts, count }, '30min');
		if (!r.ok) throw new Error('expected ok');
		expect(r.series.values.length).toBe(96);
		expect(r.series.values[18]).toBe(5);
		expect(r.series.values[19]).toBe(6);
		expect(r.series.values[0]).toBe(0); // midnight: never open
		expect(r.series.values[28]).toBe(0); // 14:00 day 1: never open
		expect(r.series.values[48 + 18]).toBe(7);
		expect(r.series.values[48 + 19]).toBeNaN(); // open slot without data: missing
	});
});

describe('parsePasted', () => {
	it('reads one value per line, skipping a header, reporting bad lines by number', () => {
		const r = parsePasted('calls\n12\n 1300 \n\nabc\n15', 'day');
		expect(Array.from(r.values)).toEqual([12, 1300, 15]);
		expect(r.starts).toBeNull();
		expect(r.errors).toEqual([{ line: 5, text: 'abc' }]);
	});
	it('reads date,value lines onto the grid', () => {
		const r = parsePasted('date,calls\n2024-01-01,5\n2024-01-02,6\n2024-01-04,8', 'day');
		expect(Array.from(r.values)).toEqual([5, 6, NaN, 8]);
		expect(r.starts![0]).toBe(T0);
	});
});

describe('runForecast', () => {
	it('forecasts a 2-year daily series with Auto and a backtest, well within a second of forecast time', () => {
		const y = dailySeries(730);
		const starts = Float64Array.from({ length: 730 }, (_, d) => T0 + d * DAY);
		const r = runForecast({ values: y, starts, aht: null }, { method: 'auto', interval: 'day', horizon: 28, events: [], backtest: true })!;
		expect(r.forecast.mean.length).toBe(28);
		expect(r.timing.forecastMs).toBeLessThan(1000);
		expect(r.backtest!.windows).toBe(4);
		expect(r.backtest!.span).toEqual({ count: 8, unit: 'week' });
		expect(r.backtest!.rows[0].method).toBe('auto');
		expect(r.backtest!.rows[0].accuracy.wape).toBeLessThan(10);
		expect(r.backtest!.windowsOf.length).toBe(4);
		expect(r.seasons).toEqual([7, 365]);
		expect(r.futureStarts![0]).toBe(T0 + 730 * DAY);
	});

	it('explains a series too short for weekly seasonality instead of failing', () => {
		const y = dailySeries(10);
		const r = runForecast(
			{ values: y, starts: null, aht: null },
			{ method: 'auto', interval: 'day', horizon: 7, events: [], backtest: true }
		)!;
		expect(r.notes.map((n) => n.code)).toContain('too-short-for-seasonality');
		expect(Array.from(r.forecast.mean).every(Number.isFinite)).toBe(true);
	});

	it('applies holiday effects to future days and lists the spans for the chart', () => {
		const n = 800;
		const starts = Float64Array.from({ length: n }, (_, d) => Date.UTC(2023, 0, 1) + d * DAY);
		const y = dailySeries(n);
		const events = presetEvents(2023, 2026).filter((e) => e.key === 'national-day');
		// October 1-7 closes at half volume in the history
		for (let d = 0; d < n; d++) {
			const iso = new Date(starts[d]).toISOString().slice(5, 10);
			if (iso >= '10-01' && iso <= '10-07') y[d] = Math.round(y[d] * 0.5);
		}
		const r = runForecast({ values: y, starts, aht: null }, { method: 'auto', interval: 'day', horizon: 240, events, backtest: false })!;
		expect(r.effects[0].key).toBe('national-day');
		expect(r.effects[0].factor).toBeLessThan(0.7);
		expect(r.eventSpans.some((s) => s.from === Date.UTC(2025, 9, 1))).toBe(true);
		expect(r.notes.map((x) => x.code)).toContain('events-estimated');
	});

	it('plans backtests that leave half the history for fitting', () => {
		expect(backtestPlan('day', 730, 28)).toEqual({ h: 14, windows: 4 });
		expect(backtestPlan('day', 40, 28)).toEqual({ h: 14, windows: 1 });
		expect(backtestPlan('30min', 48 * 28, 48 * 7)).toEqual({ h: 48, windows: 7 });
		expect(seasonsFor('30min', 100)).toEqual([48, 336]);
	});
});

describe('staffPlan', () => {
	it('matches the pyworkforce Erlang C reference: 100 contacts / 30 min, AHT 3 min, 80% in 20 s, 30% shrinkage', () => {
		const plan = staffPlan({ starts: Float64Array.from([T0]), mean: [100], hi80: [120] }, '30min', BASE)!;
		const r = plan.rows[0];
		expect(r.rawAgents).toBe(14);
		expect(r.scheduled).toBe(20);
		expect(r.serviceLevel).toBeCloseTo(0.88835, 4);
		expect(r.occupancy).toBeCloseTo(0.71429, 4);
		expect(r.pWait).toBeCloseTo(0.17413, 4);
	});

	it('recomputes instantly for what-ifs: a longer AHT or a stricter target needs more staff, more shrinkage more schedule', () => {
		const f = { starts: Float64Array.from([T0]), mean: [100], hi80: [120] };
		const base = staffPlan(f, '30min', BASE)!.rows[0];
		expect(staffPlan(f, '30min', { ...BASE, ahtSeconds: 240 })!.rows[0].rawAgents).toBeGreaterThan(base.rawAgents);
		expect(staffPlan(f, '30min', { ...BASE, serviceLevel: 0.9, targetSeconds: 10 })!.rows[0].rawAgents).toBeGreaterThan(base.rawAgents);
		const s40 = staffPlan(f, '30min', { ...BASE, shrinkage: 0.4 })!.rows[0];
		expect(s40.rawAgents).toBe(14);
		expect(s40.scheduled).toBe(24);
		expect(staffPlan(f, '30min', { ...BASE, basis: 'hi80' })!.rows[0].contacts).toBe(120);
		// Erlang A with infinite patience is Erlang C; with impatient callers the same target needs fewer agents
		expect(staffPlan(f, '30min', { ...BASE, model: 'erlang-a', patienceSeconds: Infinity })!.rows[0].rawAgents).toBe(14);
		const a = staffPlan(f, '30min', { ...BASE, model: 'erlang-a', patienceSeconds: 120 })!.rows[0];
		expect(a.rawAgents).toBe(12);
		expect(a.pAbandon).toBeGreaterThan(0);
		// a cap on hang-ups adds agents back
		expect(
			staffPlan(f, '30min', { ...BASE, model: 'erlang-a', patienceSeconds: 120, maxAbandon: 0.01 })!.rows[0].rawAgents
		).toBeGreaterThan(12);
	});

	it('spreads daily forecasts over opening hours and finds the peak and trough; a day × slot grid for the heatmap', () => {
		const plan = staffPlan({ starts: Float64Array.from([T0, T0 + DAY]), mean: [2400, 480], hi80: [0, 0] }, 'day', BASE)!;
		expect(plan.spread).toBe(true);
		expect(plan.rows.length).toBe(48);
		expect(plan.rows[0].contacts).toBe(100);
		expect(plan.rows[0].start).toBe(T0 + 9 * 3600_000);
		expect(plan.peak!.scheduled).toBe(20);
		expect(plan.trough!.start).toBe(T0 + DAY + 9 * 3600_000);
		const g = staffGrid(plan);
		expect(g.days).toEqual([T0, T0 + DAY]);
		expect(g.slots.length).toBe(24);
		expect(g.slots[0]).toBe(540);
		expect(g.cells[1][23]!.contacts).toBe(20);
		expect(staffPlan({ starts: null, mean: [1], hi80: [1] }, 'week', BASE)).toBeNull();
	});

	it('is stable at 1,600 contacts per interval', () => {
		const r = staffPlan({ starts: null, mean: [1600], hi80: [1600] }, '15min', BASE)!.rows[0];
		expect(r.rawAgents).toBeGreaterThan(320);
		expect(r.rawAgents).toBeLessThan(400);
		expect(Number.isFinite(r.asa)).toBe(true);
	});
});

describe('openSlotOutliers', () => {
	it('looks for unusual intervals among open hours only (closed nights do not squeeze the spread)', () => {
		const k = 48;
		let seed = 3;
		const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const y = new Float64Array(k * 21);
		for (let i = 0; i < y.length; i++) {
			const s = i % k;
			y[i] = s >= 16 && s < 44 ? Math.round(40 + 20 * Math.sin(((s - 16) / 28) * Math.PI) + (rnd() - 0.5) * 12) : 0;
		}
		y[10 * k + 30] = 400;
		expect(openSlotOutliers(y, k)).toEqual([10 * k + 30]);
		expect(openSlotOutliers(new Float64Array(k * 3).fill(5), k)).toBeNull();
	});
});

describe('eventSpans', () => {
	it('lists occurrences inside the range with lead days', () => {
		const s = eventSpans(
			presetEvents(2025, 2025).filter((e) => e.key === 'spring-festival'),
			Date.UTC(2025, 0, 1),
			Date.UTC(2025, 1, 28)
		);
		expect(s).toEqual([{ key: 'spring-festival', from: Date.UTC(2025, 0, 28), to: Date.UTC(2025, 1, 5) - 1 }]);
	});
});
