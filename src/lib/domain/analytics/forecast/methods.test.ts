// Theta (vs R thetaf), naive family, Auto combination and graceful handling of short, constant or gappy series.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecastSeries } from './auto';
import { naive2, snaive, theta } from './methods';

const ref = JSON.parse(readFileSync('tests/fixtures/forecast/m3-monthly-r-reference.json', 'utf8')) as {
	series: Record<
		string,
		{
			train: number[];
			theta: { mean: number[]; lo80: number[]; hi95: number[] };
		}
	>;
};

describe('Theta', () => {
	it('matches R forecast::thetaf (seasonal test, decomposition, drift, intervals)', () => {
		for (const s of Object.values(ref.series)) {
			const f = theta(s.train, 12, 18);
			for (let i = 0; i < 18; i++) {
				expect(f.mean[i]).toBeCloseTo(s.theta.mean[i], 6);
				expect(f.lo80[i]).toBeCloseTo(s.theta.lo80[i], 4);
				expect(f.hi95[i]).toBeCloseTo(s.theta.hi95[i], 4);
			}
		}
	});
});

describe('naive family', () => {
	it('seasonal naive repeats the last cycle and widens per cycle', () => {
		const y = [1, 2, 3, 4, 2, 3, 4, 5];
		const f = snaive(y, 4, 6);
		expect(Array.from(f.mean)).toEqual([2, 3, 4, 5, 2, 3]);
		expect(f.hi95[4] - f.mean[4]).toBeCloseTo(Math.SQRT2 * (f.hi95[0] - f.mean[0]), 10);
	});
	it('naive2 equals naive for non-seasonal data', () => {
		const y = Array.from({ length: 30 }, (_, i) => 100 + i);
		expect(naive2(y, 12, 3).mean[2]).toBe(129);
	});
});

describe('Auto', () => {
	const s = Object.values(ref.series)[4];
	it('combines ETS, damped and Theta with ordered 80/95% bands', () => {
		const f = forecastSeries(s.train, 'auto', { h: 18, season: 12 });
		expect(f.method).toBe('auto');
		expect(f.model).toMatch(/Combination/);
		for (let i = 0; i < 18; i++) {
			expect(f.lo95[i]).toBeLessThanOrEqual(f.lo80[i]);
			expect(f.lo80[i]).toBeLessThanOrEqual(f.mean[i]);
			expect(f.mean[i]).toBeLessThanOrEqual(f.hi80[i]);
			expect(f.hi80[i]).toBeLessThanOrEqual(f.hi95[i]);
		}
	});

	it('a series too short for seasonality gets a simpler model and an explanation, never an error', () => {
		const f = forecastSeries([10, 12, 11, 13, 12, 14, 13, 15, 14, 16], 'auto', {
			h: 12,
			season: 12
		});
		expect(f.notes.map((n) => n.code)).toContain('too-short-for-seasonality');
		expect(f.mean.every(Number.isFinite)).toBe(true);
		const tiny = forecastSeries([5, 6], 'auto', { h: 3, season: 7 });
		expect(tiny.notes.map((n) => n.code)).toContain('too-short-for-model');
		expect(Array.from(tiny.mean)).toEqual([6, 6, 6]);
		const none = forecastSeries([], 'ets', { h: 2 });
		expect(none.notes[0].code).toBe('no-data');
	});

	it('handles constant series and missing values with notes', () => {
		expect(forecastSeries([3, 3, 3, 3, 3, 3], 'auto', { h: 2 }).notes[0].code).toBe('constant-series');
		const y = Array.from({ length: 40 }, (_, i) => 50 + 10 * Math.sin(i / 2) + i);
		const gappy: (number | null)[] = [...y];
		gappy[10] = null;
		gappy[11] = NaN;
		const f = forecastSeries(gappy as number[], 'auto', { h: 4 });
		expect(f.notes[0]).toEqual({
			code: 'missing-interpolated',
			values: { count: 2, first: 10 }
		});
		expect(f.mean.every(Number.isFinite)).toBe(true);
		expect(f.issues?.missing).toEqual([10, 11]);
		const spiky = [...y];
		spiky[25] = 400;
		const g = forecastSeries(spiky, 'auto', { h: 4 });
		expect(g.issues?.outliers).toEqual([25]);
		expect(g.notes.map((n) => n.code)).toContain('outliers-detected');
		const r = forecastSeries(spiky, 'auto', { h: 4, replaceOutliers: true });
		expect(r.notes.map((n) => n.code)).toContain('outliers-replaced');
	});
});
