// Accuracy measures (MASE, sMAPE as in M3, WAPE, bias, interval coverage), rolling-origin backtests and plain-words summaries.

import { forecastSeries, type ForecastOptions } from './auto';
import type { Forecast, MethodName } from './types';

export interface Accuracy {
	/** mean absolute scaled error (scale: in-sample seasonal naive MAE) */
	mase: number;
	/** symmetric MAPE in percent, 200·|y−f|/(|y|+|f|) averaged (M3/M4 definition) */
	smape: number;
	/** weighted absolute percentage error: Σ|y−f| / Σ|y|, in percent */
	wape: number;
	/** Σ(f−y) / Σ|y| in percent: positive means over-forecasting */
	bias: number;
	/** share of actuals inside the 80% / 95% intervals, in percent */
	coverage80: number;
	coverage95: number;
	/** number of forecast points scored */
	points: number;
}

/** In-sample MAE of the seasonal naive (naive when m = 1 or the series is shorter than a season): MASE's scale. */
export function maseScale(train: ArrayLike<number>, m: number): number {
	const lag = m > 1 && train.length > m ? m : 1;
	let s = 0;
	let c = 0;
	for (let i = lag; i < train.length; i++) {
		s += Math.abs(train[i] - train[i - lag]);
		c++;
	}
	return c > 0 ? s / c : NaN;
}

/** Running sums so accuracy can be pooled over many windows or series. */
export class AccuracyAccumulator {
	#ase = 0;
	#sape = 0;
	#ae = 0;
	#ay = 0;
	#err = 0;
	#in80 = 0;
	#in95 = 0;
	#n = 0;
	#nMase = 0;

	add(actual: ArrayLike<number>, f: Pick<Forecast, 'mean' | 'lo80' | 'hi80' | 'lo95' | 'hi95'>, scale: number): void {
		for (let i = 0; i < actual.length && i < f.mean.length; i++) {
			const y = actual[i];
			const p = f.mean[i];
			if (!Number.isFinite(y) || !Number.isFinite(p)) continue;
			const e = Math.abs(y - p);
			if (scale > 0 && Number.isFinite(scale)) {
				this.#ase += e / scale;
				this.#nMase++;
			}
			const d = Math.abs(y) + Math.abs(p);
			this.#sape += d > 0 ? (200 * e) / d : 0;
			this.#ae += e;
			this.#ay += Math.abs(y);
			this.#err += p - y;
			if (y >= f.lo80[i] && y <= f.hi80[i]) this.#in80++;
			if (y >= f.lo95[i] && y <= f.hi95[i]) this.#in95++;
			this.#n++;
		}
	}

	result(): Accuracy {
		const n = this.#n;
		return {
			mase: this.#nMase ? this.#ase / this.#nMase : NaN,
			smape: n ? this.#sape / n : NaN,
			wape: this.#ay > 0 ? (100 * this.#ae) / this.#ay : NaN,
			bias: this.#ay > 0 ? (100 * this.#err) / this.#ay : NaN,
			coverage80: n ? (100 * this.#in80) / n : NaN,
			coverage95: n ? (100 * this.#in95) / n : NaN,
			points: n
		};
	}
}

export function accuracy(train: ArrayLike<number>, actual: ArrayLike<number>, f: Forecast, m: number): Accuracy {
	const acc = new AccuracyAccumulator();
	acc.add(actual, f, maseScale(train, m));
	return acc.result();
}

export interface BacktestOptions extends ForecastOptions {
	/** number of rolling origins (windows), newest last */
	windows: number;
	/** steps between origins; defaults to h (non-overlapping windows) */
	step?: number;
	methods: MethodName[];
}

export interface BacktestResult {
	method: MethodName;
	accuracy: Accuracy;
	windows: number;
	/** per-window accuracy, oldest first */
	perWindow: Accuracy[];
}

/** Rolling-origin evaluation: refit at each of the last k origins and score the next h points. */
export function backtest(y: ArrayLike<number>, o: BacktestOptions): BacktestResult[] {
	const n = y.length;
	const h = o.h;
	const step = o.step ?? h;
	const m = Array.isArray(o.season) ? (o.season[0] ?? 1) : (o.season ?? 1);
	const origins: number[] = [];
	for (let w = o.windows - 1; w >= 0; w--) {
		const origin = n - h - w * step;
		if (origin >= 2) origins.push(origin);
	}
	return o.methods.map((method) => {
		const all = new AccuracyAccumulator();
		const perWindow: Accuracy[] = [];
		for (const origin of origins) {
			const train = Array.prototype.slice.call(y, 0, origin) as number[];
			const test = Array.prototype.slice.call(y, origin, origin + h) as number[];
			const f = forecastSeries(train, method, { ...o, h });
			const scale = maseScale(train, m);
			const one = new AccuracyAccumulator();
			one.add(test, f, scale);
			all.add(test, f, scale);
			perWindow.push(one.result());
		}
		return {
			method,
			accuracy: all.result(),
			windows: origins.length,
			perWindow
		};
	});
}

export interface Explanation {
	key: string;
	values: Record<string, string | number>;
}

/**
 * Plain-words summaries of a backtest as i18n message keys plus ICU values, e.g.
 * "Over the last 8 weeks this method was off by 6% on average" (key forecast.backtest.offBy).
 */
export function explainBacktest(
	r: BacktestResult,
	o: {
		h: number;
		unit: 'interval' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';
	}
): Explanation[] {
	const a = r.accuracy;
	const out: Explanation[] = [];
	if (r.windows === 0 || a.points === 0)
		return [
			{
				key: 'forecast.backtest.notEnoughHistory',
				values: { method: r.method }
			}
		];
	const span = r.windows * o.h;
	out.push({
		key: 'forecast.backtest.offBy',
		values: {
			count: span,
			unit: o.unit,
			percent: Math.round(a.wape),
			method: r.method
		}
	});
	if (Math.abs(a.bias) >= 2) {
		out.push({
			key: a.bias > 0 ? 'forecast.backtest.tooHigh' : 'forecast.backtest.tooLow',
			values: { percent: Math.round(Math.abs(a.bias)) }
		});
	} else out.push({ key: 'forecast.backtest.unbiased', values: {} });
	out.push({
		key: 'forecast.backtest.coverage',
		values: { level: 80, percent: Math.round(a.coverage80) }
	});
	out.push({
		key: a.mase < 1 ? 'forecast.backtest.beatsNaive' : 'forecast.backtest.losesToNaive',
		values: { ratio: Math.round(a.mase * 100) / 100 }
	});
	return out;
}
