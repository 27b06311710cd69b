// Special days: presets, effects estimated from history and applied to the future, exclusions and closures.
import { describe, expect, it } from 'vitest';
import { forecastSeries } from './auto';
import { applyEventsDetailed, parseEventsCsv, presetEvents, SPRING_FESTIVAL } from './events';
import { detectOutliers, interpolateMissing } from './outliers';

function daily(from: string, days: number): string[] {
	const t0 = Date.parse(from + 'T00:00:00Z');
	return Array.from({ length: days }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
}

describe('event calendar', () => {
	it('ships Spring Festival and other lunar dates 2015–2030', () => {
		expect(SPRING_FESTIVAL).toHaveLength(16);
		expect(SPRING_FESTIVAL).toContain('2026-02-17');
		const keys = presetEvents().map((e) => e.key);
		expect(keys).toEqual(['spring-festival', 'qingming', 'dragon-boat', 'mid-autumn', 'national-day', '618', 'double-11']);
	});

	it('estimates a Double 11 effect from past years and applies it to the coming one', () => {
		const times = daily('2022-01-03', 365 * 2 + 300); // to late Oct 2024
		const y = times.map((t, i) => {
			const dow = i % 7;
			const base = 200 + (dow >= 5 ? -80 : 0) + 0.05 * i;
			return t.endsWith('-11-11') ? base * 3 : base;
		});
		const events = presetEvents(2022, 2024).filter((e) => e.key === 'double-11');
		const r = applyEventsDetailed(y, times, events, (clean) => forecastSeries(clean, 'ets', { h: 30, season: 7 }), 30);
		expect(r.effects[0].key).toBe('double-11');
		expect(r.effects[0].factor).toBeGreaterThan(2.7);
		expect(r.effects[0].factor).toBeLessThan(3.3);
		expect(r.historyIndices).toHaveLength(2);
		const last = times[times.length - 1];
		const k = Math.round((Date.parse('2024-11-11') - Date.parse(last)) / 86_400_000) - 1;
		expect(r.forecast.mean[k] / r.forecast.mean[k - 7]).toBeGreaterThan(2.5);
		expect(r.forecast.notes.at(-1)?.code).toBe('events-estimated');
	});

	it('closures forecast zero and user CSV events parse', () => {
		const ev = parseEventsCsv('key,date,days,treatment\nmove,2024-03-04,2,closed\n');
		expect(ev).toEqual([{ key: 'move', dates: ['2024-03-04'], days: 2, treatment: 'closed' }]);
		const times = daily('2024-01-01', 63);
		const y = times.map((_, i) => 100 + (i % 7) * 5);
		const r = applyEventsDetailed(y, times, ev, (c) => forecastSeries(c, 'snaive', { h: 7, season: 7 }), 7);
		expect(r.forecast.mean[0]).toBe(0);
		expect(r.forecast.mean[1]).toBe(0);
		expect(r.forecast.mean[2]).toBeGreaterThan(0);
	});
});

describe('missing values and outliers', () => {
	it('interpolates gaps and reports their indices', () => {
		const r = interpolateMissing([1, null, 3, undefined, NaN, 6, null]);
		expect(Array.from(r.values)).toEqual([1, 2, 3, 4, 5, 6, 6]);
		expect(r.missing).toEqual([1, 3, 4, 6]);
	});
	it('flags a spike but not the seasonal peaks', () => {
		const y = Array.from({ length: 70 }, (_, i) => 100 + (i % 7 === 0 ? 60 : 0) + (i % 3));
		y[33] = 400;
		expect(detectOutliers(y, 7)).toEqual([33]);
	});
});
