// Auto: cleans the series, picks the seasonal treatment, and combines ETS (AICc), damped ETS and Theta forecasts.
// Equal-weight combinations of these three beat each alone on M3/M4 (the SHD/"Comb" line of results); intervals are
// combined by averaging quantiles, which keeps them calibrated better than any single model's band.

import type { EtsFit } from './ets';
import { fromEts, naive, snaive, theta, naive2, ses, damped as dampedMethod, etsAuto, seasonalMean } from './methods';
import { multiSeasonal, topDown } from './mseasonal';
import { isConstant } from './numeric';
import { cleanSeries } from './outliers';
import { emptyForecast, type Forecast, type MethodName, type Note } from './types';

export interface ForecastOptions {
	/** forecast horizon in steps */
	h: number;
	/** seasonal period(s); one number for ordinary seasonality, several (e.g. [24, 168]) for intraday data */
	season?: number | number[];
	/** how Auto combines its members */
	combine?: 'mean' | 'median';
	/** replace detected outliers before fitting (default false: the data may carry real spikes) */
	replaceOutliers?: boolean;
}

const periodsOf = (s: ForecastOptions['season']): number[] =>
	(Array.isArray(s) ? s : s === undefined ? [] : [s])
		.filter((p) => Number.isFinite(p) && p > 1)
		.map((p) => Math.round(p))
		.sort((a, b) => a - b);

/** Combine member forecasts point-wise; quantiles are averaged (or take the median) the same way as the means. */
export function combineForecasts(members: Forecast[], how: 'mean' | 'median', method: MethodName = 'auto'): Forecast {
	const h = members[0].mean.length;
	const f = emptyForecast(method, `Combination (${members.map((m) => m.model).join(' + ')})`, h);
	const keys = ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const;
	const buf = new Float64Array(members.length);
	for (const k of keys) {
		for (let i = 0; i < h; i++) {
			for (let j = 0; j < members.length; j++) buf[j] = members[j][k][i];
			if (how === 'mean') {
				let s = 0;
				for (let j = 0; j < buf.length; j++) s += buf[j];
				f[k][i] = s / buf.length;
			} else {
				const srt = Float64Array.from(buf).sort();
				const n = srt.length;
				f[k][i] = n % 2 ? srt[(n - 1) / 2] : 0.5 * (srt[n / 2 - 1] + srt[n / 2]);
			}
		}
	}
	return f;
}

/** Decide which seasonal period a single-season method can use, with the reason when it cannot. */
export function usablePeriod(n: number, periods: number[], notes: Note[]): number {
	if (periods.length === 0) return 1;
	const m = periods[0];
	if (n < 2 * m) {
		notes.push({
			code: 'too-short-for-seasonality',
			values: { n, m, needed: 2 * m }
		});
		return 1;
	}
	return m;
}

/** Any method by name; never throws: short, constant or empty series fall back to a simpler model with a note. */
export function forecastSeries(yIn: ArrayLike<number>, method: MethodName, o: ForecastOptions): Forecast {
	const h = Math.max(1, Math.floor(o.h));
	const firstPeriod = periodsOf(o.season)[0] ?? 1;
	const clean = cleanSeries(yIn, { replaceOutliers: o.replaceOutliers ?? false, m: yIn.length >= 2 * firstPeriod ? firstPeriod : 1 });
	const notes = clean.notes;
	const y = clean.values;
	const n = y.length;
	const done = (f: Forecast): Forecast => {
		f.notes = [...notes, ...f.notes];
		f.issues = { missing: clean.missing, outliers: clean.outliers };
		return f;
	};
	if (n === 0) {
		const f = emptyForecast(method, 'None', h);
		f.mean.fill(NaN);
		f.lo80.fill(NaN);
		f.hi80.fill(NaN);
		f.lo95.fill(NaN);
		f.hi95.fill(NaN);
		f.notes.push({ code: 'no-data' });
		return done(f);
	}
	let periods = periodsOf(o.season);
	if (method === 'snaive') return done(snaive(y, periods[0] ?? 1, h));
	if (method === 'naive') return done(naive(y, h));
	if (n < 4) {
		notes.push({ code: 'too-short-for-model', values: { n, needed: 4 } });
		const f = naive(y, h, method);
		return done(f);
	}
	if (isConstant(y)) {
		notes.push({ code: 'constant-series' });
		return done(naive(y, h, method));
	}
	// Long or multiple periods (intraday, daily with weekly+yearly) go to the multi-seasonal method.
	const multi = periods.length > 1 || (periods[0] ?? 1) > 24;
	if (multi && (method === 'auto' || method === 'mseasonal')) {
		const usable = periods.filter((p) => n >= 2 * p);
		if (usable.length < periods.length) {
			notes.push({
				code: 'too-short-for-seasonality',
				values: {
					n,
					m: periods[periods.length - 1],
					needed: 2 * periods[periods.length - 1]
				}
			});
		}
		// Intraday (a day of ≥ 12 slots nested in a weekly cycle): daily totals by Auto, split by the intraday shape.
		if (usable.length >= 2 && usable[0] >= 12 && usable[1] % usable[0] === 0) {
			return done(
				topDown(y, usable[0], usable[1], h, {
					daily: (totals, k, hd) => dailyTotals(totals, k, hd, o.combine ?? 'mean')
				})
			);
		}
		if (usable.length > 1 || (usable.length === 1 && usable[0] > 24)) return done(multiSeasonal(y, usable, h));
		// one ordinary period left (e.g. weekly when a year of daily data is too short for the yearly cycle): the usual path
		periods = usable;
	}
	let m = usablePeriod(n, periods, notes);
	if (m > 24 && method !== 'theta' && method !== 'naive2' && method !== 'ses') {
		notes.push({ code: 'season-too-long-for-ets', values: { m } });
		m = 1;
	}
	const fallback = (): Forecast => {
		notes.push({ code: 'model-fallback' });
		return theta(y, m, h);
	};
	switch (method) {
		case 'naive2':
			return done(naive2(y, m, h));
		case 'ses':
			return done(ses(y, m, h));
		case 'theta':
			return done(theta(y, m, h));
		case 'ets':
			return done(etsAuto(y, m, h) ?? fallback());
		case 'damped':
			return done(dampedMethod(y, m, h) ?? fallback());
		case 'mseasonal':
			return done(multiSeasonal(y, m > 1 ? [m] : [], h));
		case 'auto':
		default:
			return done(autoCombination(y, m, h, o.combine ?? 'mean'));
	}
}

/**
 * Daily totals under an intraday forecast. Call-centre totals are level-stable and noisy, and there the mean of the last
 * 4 same weekdays added to Auto lowered daily WAPE on every stretch of the fpp2 calls history; trending totals (many M4
 * hourly series) are hurt by it. So the choice is made per series on the last 4 cycles (rolling origin, absolute error).
 */
function dailyTotals(totals: number[], k: number, hd: number, how: 'mean' | 'median'): Forecast {
	const auto = (t: number[], hh: number): Forecast => forecastSeries(t, 'auto', { h: hh, season: k, combine: how });
	const both = (a: Forecast, t: number[], hh: number): Forecast => combineForecasts([a, seasonalMean(t, k, hh, 4)], 'mean', 'auto');
	let errAuto = 0;
	let errBoth = 0;
	const n = totals.length;
	if (n >= 8 * k) {
		for (let w = 1; w <= 4; w++) {
			const origin = n - w * k;
			const train = totals.slice(0, origin);
			const a = auto(train, k);
			const b = both(a, train, k);
			for (let i = 0; i < k; i++) {
				errAuto += Math.abs(totals[origin + i] - a.mean[i]);
				errBoth += Math.abs(totals[origin + i] - b.mean[i]);
			}
		}
	}
	const a = auto(totals, hd);
	return errBoth <= errAuto && n >= 8 * k ? both(a, totals, hd) : a;
}

/** Auto members: the AICc-best ETS, the AICc-best damped ETS (from the same candidate fits) and Theta. */
function autoCombination(y: Float64Array, m: number, h: number, how: 'mean' | 'median'): Forecast {
	const fits: EtsFit[] = [];
	const ets = etsAuto(y, m, h, fits);
	let bestDamped: EtsFit | null = null;
	for (const f of fits) if (f.spec.damped && (!bestDamped || f.aicc < bestDamped.aicc)) bestDamped = f;
	const members: Forecast[] = [];
	if (ets) members.push(ets);
	if (bestDamped) members.push(fromEts(bestDamped, h, 'damped'));
	members.push(theta(y, m, h));
	if (members.length === 1) return { ...members[0], method: 'auto' };
	const f = combineForecasts(members, how, 'auto');
	return f;
}

export { naive2, ses, theta, snaive, naive };
