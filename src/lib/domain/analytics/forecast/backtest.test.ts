// Accuracy measures by hand, rolling-origin backtests, plain-words explanations (keys exist in both locales).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccuracyAccumulator, accuracy, backtest, explainBacktest, maseScale } from './backtest';
import { emptyForecast } from './types';

const en = JSON.parse(readFileSync('src/lib/i18n/messages/forecast.en.json', 'utf8')) as Record<string, string>;
const zh = JSON.parse(readFileSync('src/lib/i18n/messages/forecast.zh-CN.json', 'utf8')) as Record<string, string>;

function fcOf(mean: number[], half80: number, half95: number) {
	const f = emptyForecast('naive', 'x', mean.length);
	mean.forEach((v, i) => {
		f.mean[i] = v;
		f.lo80[i] = v - half80;
		f.hi80[i] = v + half80;
		f.lo95[i] = v - half95;
		f.hi95[i] = v + half95;
	});
	return f;
}

describe('accuracy', () => {
	it('computes MASE, sMAPE, WAPE, bias and coverage as defined', () => {
		const train = [10, 12, 14, 16]; // naive MAE = 2
		const a = accuracy(train, [20, 10], fcOf([18, 12], 1, 3), 1);
		expect(a.mase).toBeCloseTo(1, 12); // errors 2 and 2, scale 2
		expect(a.smape).toBeCloseTo(((200 * 2) / 38 + (200 * 2) / 22) / 2, 10);
		expect(a.wape).toBeCloseTo((100 * 4) / 30, 10);
		expect(a.bias).toBeCloseTo(0, 12);
		expect(a.coverage80).toBe(0);
		expect(a.coverage95).toBe(100);
		expect(maseScale([1, 5, 2, 6, 3, 7], 2)).toBe(1);
	});

	it('a perfect forecast scores zero error and full coverage (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), {
					minLength: 2,
					maxLength: 30
				}),
				(ys) => {
					const acc = new AccuracyAccumulator();
					acc.add(ys, fcOf(ys, 0, 0), 1);
					const r = acc.result();
					return r.wape === 0 && r.smape === 0 && r.coverage95 === 100 && r.points === ys.length;
				}
			)
		);
	});
});

describe('backtest', () => {
	const y = Array.from({ length: 7 * 20 }, (_, i) => 100 + 30 * (i % 7 === 5 || i % 7 === 6 ? -1 : 1) + i * 0.2 + 5 * Math.sin(i));

	it('rolls over the last k windows per method and beats naive on a weekly pattern', () => {
		const r = backtest(y, {
			h: 7,
			windows: 4,
			season: 7,
			methods: ['snaive', 'naive', 'ets']
		});
		expect(r.map((x) => x.windows)).toEqual([4, 4, 4]);
		expect(r[0].perWindow).toHaveLength(4);
		expect(r[2].accuracy.points).toBe(28);
		expect(r[2].accuracy.wape).toBeLessThan(r[1].accuracy.wape);
	});

	it('explains results in plain words with keys present in both locales', () => {
		const [r] = backtest(y, {
			h: 7,
			windows: 8,
			season: 7,
			methods: ['snaive']
		});
		const ex = explainBacktest(r, { h: 1, unit: 'week' });
		expect(ex[0]).toEqual({
			key: 'forecast.backtest.offBy',
			values: {
				count: 8,
				unit: 'week',
				percent: Math.round(r.accuracy.wape),
				method: 'snaive'
			}
		});
		for (const e of ex) {
			expect(en[e.key]).toBeTypeOf('string');
			expect(zh[e.key]).toBeTypeOf('string');
		}
		expect(explainBacktest({ ...r, windows: 0 }, { h: 7, unit: 'day' })[0].key).toBe('forecast.backtest.notEnoughHistory');
	});

	it('message catalogues have the same keys in both languages, all prefixed forecast.', () => {
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
		expect(Object.keys(en).every((k) => k.startsWith('forecast.'))).toBe(true);
	});
});
