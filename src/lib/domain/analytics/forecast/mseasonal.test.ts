// Multiple seasonality on real 5-minute call volumes (fpp2, 4 weeks) and on a synthetic two-period series.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecastSeries } from './auto';
import { accuracy } from './backtest';
import { msDecompose } from './mseasonal';

const calls = readFileSync('tests/fixtures/forecast/fpp2-calls-5min-4weeks.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((l) => Number(l.split(',')[4]));

describe('multi-seasonal', () => {
	it('recovers two additive profiles', () => {
		const y = Array.from(
			{ length: 24 * 7 * 4 },
			(_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 24) + (Math.floor(i / 24) % 7 >= 5 ? -15 : 3)
		);
		const d = msDecompose(y, [24, 168]);
		let sd = 0;
		for (const v of d.adjusted.subarray(200, 500)) sd = Math.max(sd, Math.abs(v - 50));
		expect(sd).toBeLessThan(3);
	});

	it('beats the seasonal naive on the last week of real call volumes', () => {
		const day = 169;
		const week = 5 * day;
		const train = calls.slice(0, calls.length - week);
		const test = calls.slice(calls.length - week);
		const auto = forecastSeries(train, 'auto', {
			h: week,
			season: [day, week]
		});
		const sn = forecastSeries(train, 'snaive', { h: week, season: week });
		expect(auto.model).toMatch(/intraday shape/);
		const a = accuracy(train, test, auto, week);
		const b = accuracy(train, test, sn, week);
		expect(a.wape).toBeLessThan(b.wape);
		expect(a.coverage95).toBeGreaterThan(80);
	});

	it('forecasts a 2-year daily series with weekly and yearly cycles quickly', () => {
		const y = Array.from(
			{ length: 730 },
			(_, i) => 500 + 100 * Math.sin((2 * Math.PI * i) / 365.25) + (i % 7 === 6 ? -200 : 0) + 20 * Math.sin(i * 1.3)
		);
		const t0 = performance.now();
		const f = forecastSeries(y, 'auto', { h: 60, season: [7, 365] });
		expect(performance.now() - t0).toBeLessThan(1000);
		expect(f.mean.every(Number.isFinite)).toBe(true);
	});
});
