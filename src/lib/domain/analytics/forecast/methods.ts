// Single forecasting methods with 80/95% intervals: naive, seasonal naive, naive2 (M3), SES, ETS, damped ETS and Theta (R thetaf).

import { autoEts, etsForecast, etsName, fitEtsModel, type EtsFit } from './ets';
import { decompose, isConstant, lsLine, qnorm, seasonalityTest } from './numeric';
import { emptyForecast, type Forecast, type MethodName } from './types';

const Z80 = qnorm(0.9);
const Z95 = qnorm(0.975);

function withSe(f: Forecast, se: ArrayLike<number>): Forecast {
	for (let i = 0; i < f.mean.length; i++) {
		f.lo80[i] = f.mean[i] - Z80 * se[i];
		f.hi80[i] = f.mean[i] + Z80 * se[i];
		f.lo95[i] = f.mean[i] - Z95 * se[i];
		f.hi95[i] = f.mean[i] + Z95 * se[i];
	}
	return f;
}

/** Seasonal naive: last observed cycle repeated; intervals from seasonal differences as forecast::snaive. */
export function snaive(y: ArrayLike<number>, m: number, h: number): Forecast {
	const n = y.length;
	if (m <= 1 || n < m + 1) return naive(y, h, 'snaive');
	const f = emptyForecast('snaive', 'Seasonal naive', h);
	let ss = 0;
	let c = 0;
	for (let i = m; i < n; i++) {
		const d = y[i] - y[i - m];
		ss += d * d;
		c++;
	}
	const sigma = c > 0 ? Math.sqrt(ss / c) : 0;
	const se = new Float64Array(h);
	for (let i = 0; i < h; i++) {
		f.mean[i] = y[n - m + (i % m)];
		se[i] = sigma * Math.sqrt(Math.floor(i / m) + 1);
	}
	return withSe(f, se);
}

/**
 * Same-phase mean of the last `cycles` seasons (the planner's "average of the last 4 Mondays"); the interval uses the
 * spread of its own past one-season-ahead errors.
 */
export function seasonalMean(y: ArrayLike<number>, m: number, h: number, cycles = 4): Forecast {
	const n = y.length;
	const k = Math.min(cycles, Math.floor(n / m));
	if (m <= 1 || k < 1) return naive(y, h, 'snaive');
	const f = emptyForecast('snaive', `Mean of last ${k} seasons`, h);
	const at = (end: number, phase: number): number => {
		let s = 0;
		for (let c = 1; c <= k; c++) s += y[end + phase - c * m];
		return s / k;
	};
	let ss = 0;
	let cnt = 0;
	for (let t = k * m; t < n; t++) {
		const e = y[t] - at(t, 0);
		ss += e * e;
		cnt++;
	}
	const sigma = cnt > 0 ? Math.sqrt(ss / cnt) : 0;
	const se = new Float64Array(h);
	for (let i = 0; i < h; i++) {
		f.mean[i] = at(n, i % m);
		se[i] = sigma * Math.sqrt(Math.floor(i / m) + 1);
	}
	return withSe(f, se);
}

/** Random walk forecast. */
export function naive(y: ArrayLike<number>, h: number, method: MethodName = 'naive'): Forecast {
	const n = y.length;
	const f = emptyForecast(method, 'Naive', h);
	if (n === 0) {
		f.notes.push({ code: 'no-data' });
		return f;
	}
	let ss = 0;
	for (let i = 1; i < n; i++) ss += (y[i] - y[i - 1]) ** 2;
	const sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
	const se = new Float64Array(h);
	for (let i = 0; i < h; i++) {
		f.mean[i] = y[n - 1];
		se[i] = sigma * Math.sqrt(i + 1);
	}
	return withSe(f, se);
}

/** Multiplicative classical seasonal adjustment when thetaf's 90% ACF test finds seasonality (the M3 convention). */
export function seasonalAdjust(y: ArrayLike<number>, m: number): { adjusted: Float64Array; index: Float64Array | null } {
	const x = Float64Array.from(y);
	if (m <= 1 || !seasonalityTest(y, m)) return { adjusted: x, index: null };
	let positive = true;
	for (let i = 0; i < x.length; i++) if (!(x[i] > 0)) positive = false;
	if (!positive) return { adjusted: x, index: null };
	const d = decompose(y, m, 'multiplicative');
	for (let k = 0; k < m; k++) if (Math.abs(d.figure[k]) < 1e-4) return { adjusted: x, index: null };
	for (let i = 0; i < x.length; i++) x[i] /= d.seasonal[i];
	return { adjusted: x, index: d.figure };
}

/** Seasonal factors for the h future steps (figure indexed from the first observation). */
function futureIndex(index: Float64Array, n: number, h: number): Float64Array {
	const m = index.length;
	const out = new Float64Array(h);
	for (let i = 0; i < h; i++) out[i] = index[(n + i) % m];
	return out;
}

function reseason(f: Forecast, index: Float64Array | null, n: number): Forecast {
	if (!index) return f;
	const s = futureIndex(index, n, f.mean.length);
	for (let i = 0; i < s.length; i++) {
		f.mean[i] *= s[i];
		f.lo80[i] *= s[i];
		f.hi80[i] *= s[i];
		f.lo95[i] *= s[i];
		f.hi95[i] *= s[i];
	}
	return f;
}

/** Naive2 as in M3: naive forecast of the seasonally adjusted series, re-seasonalised. */
export function naive2(y: ArrayLike<number>, m: number, h: number): Forecast {
	const { adjusted, index } = seasonalAdjust(y, m);
	const f = naive(adjusted, h, 'naive2');
	f.model = 'Naive2';
	return reseason(f, index, y.length);
}

function fromEts(fit: EtsFit, h: number, method: MethodName): Forecast {
	const r = etsForecast(fit, h);
	return {
		method,
		model: etsName(fit.spec),
		mean: r.mean,
		lo80: r.lo80,
		hi80: r.hi80,
		lo95: r.lo95,
		hi95: r.hi95,
		notes: []
	};
}

/** SES (ETS(A,N,N), one-step MSE as R's ses) on the seasonally adjusted series. */
export function ses(y: ArrayLike<number>, m: number, h: number): Forecast {
	if (y.length < 4) return naive(y, h, 'ses');
	const { adjusted, index } = seasonalAdjust(y, m);
	const fit = fitEtsModel(adjusted, 1, { error: 'A', trend: 'N', damped: false, season: 'N' }, { optCrit: 'mse' });
	if (!fit) return naive(y, h, 'ses');
	const f = fromEts(fit, h, 'ses');
	f.model = index ? 'SES (seasonally adjusted)' : 'SES';
	return reseason(f, index, y.length);
}

/** forecast::thetaf: SES with drift equal to half the regression slope, on classically adjusted data when seasonal. */
export function theta(y: ArrayLike<number>, m: number, h: number): Forecast {
	const n = y.length;
	if (n < 4) return naive(y, h, 'theta');
	let x: ArrayLike<number> = y;
	let index: Float64Array | null = null;
	if (m > 1 && !isConstant(y) && n > 2 * m && seasonalityTest(y, m)) {
		const d = decompose(y, m, 'multiplicative');
		let ok = true;
		for (let k = 0; k < m; k++) if (Math.abs(d.figure[k]) < 1e-4 || !Number.isFinite(d.figure[k])) ok = false;
		if (ok) {
			const a = new Float64Array(n);
			for (let i = 0; i < n; i++) a[i] = y[i] / d.seasonal[i];
			x = a;
			index = d.figure;
		}
	}
	const fit = fitEtsModel(x, 1, { error: 'A', trend: 'N', damped: false, season: 'N' }, { optCrit: 'mse' });
	if (!fit) return naive(y, h, 'theta');
	const drift = lsLine(x, 0).b / 2;
	const alpha = Math.max(1e-10, fit.par.alpha);
	const f = emptyForecast('theta', 'Theta', h);
	const l = fit.lastState[0];
	const se = new Float64Array(h);
	const sigma = Math.sqrt(fit.sigma2);
	const c = (1 - Math.pow(1 - alpha, n)) / alpha;
	for (let i = 0; i < h; i++) {
		f.mean[i] = l + drift * (i + c);
		se[i] = sigma * Math.sqrt(i * alpha * alpha + 1);
	}
	if (index) {
		// thetaf scales the mean only; intervals are then built around the re-seasonalised mean with the adjusted-scale se.
		const s = futureIndex(index, n, h);
		for (let i = 0; i < h; i++) f.mean[i] *= s[i];
	}
	return withSe(f, se);
}

/** Automatic ETS (AICc over all admissible forms), plus the fits it tried so Auto can reuse the best damped one. */
export function etsAuto(y: ArrayLike<number>, m: number, h: number, fits?: EtsFit[]): Forecast | null {
	const fit = autoEts(y, m, fits ? { collect: fits } : {});
	return fit ? fromEts(fit, h, 'ets') : null;
}

/** Best damped-trend ETS by AICc. */
export function damped(y: ArrayLike<number>, m: number, h: number): Forecast | null {
	const fit = autoEts(y, m, { trend: ['A'], damped: [true] });
	return fit ? fromEts(fit, h, 'damped') : null;
}

export { fromEts };
