// Multiple seasonality (intraday/daily data): MSTL-style backfitted decomposition, then ETS on the adjusted series.
// Why this and not Fourier regression: phase profiles follow sharp intraday shapes (lunch dips, opening peaks) that need
// many harmonics, recent cycles can be weighted more so profiles adapt, and the adjusted series reuses our ETS with its
// intervals. Positive data are modelled on the log scale so the daily shape scales with the level (calls double → peaks double).

import { autoEts, etsForecast } from './ets';
import { qnorm } from './numeric';
import { emptyForecast, type Forecast } from './types';

export interface MsDecomposition {
	periods: number[];
	/** per period: profile indexed by absolute position mod period */
	profiles: Float64Array[];
	/** the input minus all seasonal components */
	adjusted: Float64Array;
}

/** Centred moving average of length p (2×p when p is even), with the ends extended by the nearest defined value. */
function smoothTrend(x: Float64Array, p: number): Float64Array {
	const n = x.length;
	const out = new Float64Array(n);
	const even = p % 2 === 0;
	const half = even ? p / 2 : (p - 1) / 2;
	if (n <= 2 * half) {
		let s = 0;
		for (let i = 0; i < n; i++) s += x[i];
		return out.fill(s / n);
	}
	// running sum keeps this O(n) even for weekly periods of hourly data
	const cs = new Float64Array(n + 1);
	for (let i = 0; i < n; i++) cs[i + 1] = cs[i] + x[i];
	for (let i = half; i < n - half; i++) {
		out[i] = even ? (cs[i + half] - cs[i - half + 1] + 0.5 * (x[i - half] + x[i + half])) / p : (cs[i + half + 1] - cs[i - half]) / p;
	}
	for (let i = 0; i < half; i++) out[i] = out[half];
	for (let i = n - half; i < n; i++) out[i] = out[n - half - 1];
	return out;
}

/**
 * Backfitting: for each period in turn, remove the other seasonal parts, detrend with an MA of that period, and average each
 * phase over cycles with weights halving every `halfLife` cycles (recent shape counts more).
 */
export function msDecompose(y: ArrayLike<number>, periods: number[], o: { iterations?: number; halfLife?: number } = {}): MsDecomposition {
	const n = y.length;
	const x = Float64Array.from(y);
	const iters = o.iterations ?? 2;
	const halfLife = o.halfLife ?? 4;
	const seas = periods.map(() => new Float64Array(n));
	const profiles = periods.map((p) => new Float64Array(p));
	const z = new Float64Array(n);
	for (let it = 0; it < iters; it++) {
		for (let k = 0; k < periods.length; k++) {
			const p = periods[k];
			for (let i = 0; i < n; i++) {
				let v = x[i];
				for (let j = 0; j < periods.length; j++) if (j !== k) v -= seas[j][i];
				z[i] = v;
			}
			const tr = smoothTrend(z, p);
			const prof = profiles[k];
			const wsum = new Float64Array(p);
			prof.fill(0);
			const lastCycle = Math.floor((n - 1) / p);
			for (let i = 0; i < n; i++) {
				const age = lastCycle - Math.floor(i / p);
				const w = Math.pow(0.5, age / halfLife);
				prof[i % p] += w * (z[i] - tr[i]);
				wsum[i % p] += w;
			}
			let mu = 0;
			for (let q = 0; q < p; q++) {
				prof[q] = wsum[q] > 0 ? prof[q] / wsum[q] : 0;
				mu += prof[q];
			}
			mu /= p;
			for (let q = 0; q < p; q++) prof[q] -= mu;
			for (let i = 0; i < n; i++) seas[k][i] = prof[i % p];
		}
	}
	const adjusted = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let v = x[i];
		for (let k = 0; k < periods.length; k++) v -= seas[k][i];
		adjusted[i] = v;
	}
	return { periods, profiles, adjusted };
}

export interface TopDownOptions {
	/** same-weekday days averaged for the intraday shape */
	shapeDays?: number;
	/** weight of the weekday-specific shape versus the shape pooled over the last `pooledCycles` cycles of days */
	weekdayWeight?: number;
	pooledCycles?: number;
	/** half-width of the moving average across neighbouring slots: 5-minute counts carry Poisson noise, the shape does not */
	smoothSlots?: number;
	/** forecaster for the daily totals (Auto by default, injected to avoid an import cycle) */
	daily: (totals: number[], m: number, h: number) => Forecast;
}

/**
 * Intraday data (a day of p1 slots inside a cycle of p2 = k·p1): forecast daily totals with a seasonal model of period k,
 * then split each day by its recent intraday shape. This is how workforce planners forecast: totals are smooth and
 * well-modelled, and 5-minute counts are too noisy for a level model to read directly.
 */
export function topDown(y: ArrayLike<number>, p1: number, p2: number, h: number, o: TopDownOptions): Forecast {
	const n = y.length;
	const k = Math.round(p2 / p1);
	const D = Math.floor(n / p1);
	const totals = new Array<number>(D).fill(0);
	for (let d = 0; d < D; d++) for (let s = 0; s < p1; s++) totals[d] += y[d * p1 + s];
	const firstSlot = D * p1; // slots from here on are forecast (a trailing partial day is re-forecast whole)
	const hDays = Math.ceil((n + h - firstSlot) / p1);
	const fd = o.daily(totals, k, hDays);
	// Intraday shares. Candidate shapes, each built only from days before `upto`:
	//  blend       — same weekday over the last `shapeDays` weeks, blended with all days of the last `pooledCycles` cycles
	//  lastCycle   — all days of the last cycle pooled
	//  lastDay     — yesterday's shape (profiles that drift, e.g. with sunrise or tides)
	//  lastWeekday — the most recent same weekday
	// The one that split the actual totals best over the last two cycles is used (rolling, out of sample).
	const shapeDays = o.shapeDays ?? 4;
	const wW = o.weekdayWeight ?? 0.3;
	const pooledCycles = o.pooledCycles ?? 4;
	const hw = o.smoothSlots ?? (p1 >= 48 ? 1 : 0); // hourly shapes are sharp and not count-noisy
	type Mode = 'blend' | 'lastCycle' | 'lastDay' | 'lastWeekday';
	const addDay = (acc: Float64Array, d: number): boolean => {
		if (d < 0 || d >= D || !(totals[d] > 0)) return false;
		for (let s = 0; s < p1; s++) acc[s] += y[d * p1 + s] / totals[d];
		return true;
	};
	const meanOf = (days: number[]): Float64Array | null => {
		const acc = new Float64Array(p1);
		let c = 0;
		for (const d of days) if (addDay(acc, d)) c++;
		if (c === 0) return null;
		for (let s = 0; s < p1; s++) acc[s] /= c;
		return acc;
	};
	const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
	const sameWeekday = (day: number, upto: number, count: number): number[] => {
		const out: number[] = [];
		for (let d = day - k; d >= 0 && out.length < count; d -= k) if (d < upto) out.push(d);
		return out;
	};
	const shapeFor = (day: number, upto: number, mode: Mode): Float64Array => {
		const flat = new Float64Array(p1).fill(1 / p1);
		let out: Float64Array | null;
		if (mode === 'lastDay') out = meanOf([upto - 1]);
		else if (mode === 'lastWeekday') out = meanOf(sameWeekday(day, upto, 1));
		else if (mode === 'lastCycle') out = meanOf(range(upto - k, upto));
		else {
			const pooled = meanOf(range(upto - k * pooledCycles, upto));
			const wd = meanOf(sameWeekday(day, upto, shapeDays));
			out = pooled && wd ? pooled.map((v, s) => wW * wd[s] + (1 - wW) * v) : (pooled ?? wd);
		}
		if (!out) out = flat;
		if (hw <= 0) return out;
		const sm = new Float64Array(p1);
		let tot = 0;
		for (let s = 0; s < p1; s++) {
			let acc = 0;
			let cnt = 0;
			for (let j = Math.max(0, s - hw); j <= Math.min(p1 - 1, s + hw); j++) {
				acc += out[j];
				cnt++;
			}
			sm[s] = acc / cnt;
			tot += sm[s];
		}
		for (let s = 0; s < p1; s++) sm[s] = tot > 0 ? sm[s] / tot : out[s];
		return sm;
	};
	// Validation: split each of the last 2k days with shapes built from data at least `lead` days older, as in the forecast.
	const lead = Math.max(1, Math.min(hDays, k));
	const modes: Mode[] = ['blend', 'lastCycle', 'lastDay', 'lastWeekday'];
	const err = new Map<Mode, number>(modes.map((m) => [m, 0]));
	const splitVar = new Float64Array(p1);
	let sv = 0;
	const vFrom = Math.max(2 * k, D - 2 * k);
	for (let d = vFrom; d < D; d++) {
		for (const mode of modes) {
			const sh = shapeFor(d, d - lead + 1, mode);
			let e = 0;
			for (let s = 0; s < p1; s++) {
				const r = y[d * p1 + s] - sh[s] * totals[d];
				e += Math.abs(r);
				if (mode === 'blend') splitVar[s] += r * r;
			}
			err.set(mode, err.get(mode)! + e);
		}
		sv++;
	}
	// The blend averages the most days, so it is the least noisy; another shape must beat it clearly (by 5%) to replace it.
	let mode: Mode = 'blend';
	let best = err.get('blend')! * 0.95;
	for (const m of modes)
		if (m !== 'blend' && err.get(m)! < best) {
			mode = m;
			best = err.get(m)!;
		}
	// the interval uses the split error of the chosen shape, recomputed cheaply when it is not the blend
	if (mode !== 'blend') {
		splitVar.fill(0);
		for (let d = vFrom; d < D; d++) {
			const sh = shapeFor(d, d - lead + 1, mode);
			for (let s = 0; s < p1; s++) splitVar[s] += (y[d * p1 + s] - sh[s] * totals[d]) ** 2;
		}
	}
	for (let s = 0; s < p1; s++) splitVar[s] = sv > 0 ? splitVar[s] / sv : 0;
	const shareFor = (day: number): Float64Array => shapeFor(day, D, mode);
	let nonNeg = true;
	for (let i = 0; i < n; i++) if (y[i] < 0) nonNeg = false;
	const f = emptyForecast('mseasonal', `Daily totals: ${fd.model} × intraday shape '${mode}' (${p1}/${p2})`, h);
	// Slot errors mix the day-level error (scaled by the share) with the split error, whose size varies by day: heavier
	// tails than normal. A Student t with 4 degrees of freedom scaled to the same variance keeps the 95% band and narrows
	// the 80% band (normal bands were right at 95% but too wide at 80% on M4 hourly and the fpp2 calls).
	const z80 = 1.533206 / Math.SQRT2;
	const z95 = 2.776445 / Math.SQRT2;
	const shares = new Map<number, Float64Array>();
	for (let i = 0; i < h; i++) {
		const slot = n + i;
		const day = Math.floor(slot / p1);
		const s = slot % p1;
		const j = day - D;
		let sh = shares.get(day);
		if (!sh) {
			sh = shareFor(day);
			shares.set(day, sh);
		}
		const mean = sh[s] * fd.mean[j];
		const sdDay = (fd.hi95[j] - fd.lo95[j]) / (2 * qnorm(0.975)); // the daily band is normal
		const sd = Math.sqrt(sh[s] * sh[s] * sdDay * sdDay + splitVar[s]);
		const clamp = (v: number): number => (nonNeg ? Math.max(0, v) : v);
		f.mean[i] = mean;
		f.lo80[i] = clamp(mean - z80 * sd);
		f.hi80[i] = mean + z80 * sd;
		f.lo95[i] = clamp(mean - z95 * sd);
		f.hi95[i] = mean + z95 * sd;
	}
	return f;
}

/** Forecast with several seasonal periods: decomposition + non-seasonal ETS (AICc) on the adjusted series. */
export function multiSeasonal(y: ArrayLike<number>, periods: number[], h: number): Forecast {
	const n = y.length;
	let positive = true;
	for (let i = 0; i < n; i++) if (!(y[i] > 0)) positive = false;
	// log1p-style offset is avoided: zeros switch us to the additive scale instead.
	const x = new Float64Array(n);
	for (let i = 0; i < n; i++) x[i] = positive ? Math.log(y[i]) : y[i];
	const dec = msDecompose(x, periods);
	// Non-seasonal ETS on the adjusted series; additive error because the log already made effects multiplicative.
	// The series can be long (tens of thousands of 5-minute intervals); the recent stretch carries the level.
	const maxFit = Math.max(200, Math.min(n, 4 * Math.max(...periods, 1)));
	const adj = dec.adjusted.subarray(Math.max(0, n - maxFit));
	const fit = autoEts(adj, 1, { error: ['A'], additiveOnly: true });
	const f = emptyForecast('mseasonal', `MSTL(${periods.join(',')})+${fit ? 'ETS' : 'naive'}${positive ? ' on log' : ''}`, h);
	const mean = new Float64Array(h);
	const lo80 = new Float64Array(h);
	const hi80 = new Float64Array(h);
	const lo95 = new Float64Array(h);
	const hi95 = new Float64Array(h);
	if (fit) {
		const r = etsForecast(fit, h);
		mean.set(r.mean);
		lo80.set(r.lo80);
		hi80.set(r.hi80);
		lo95.set(r.lo95);
		hi95.set(r.hi95);
	} else {
		let ss = 0;
		for (let i = 1; i < adj.length; i++) ss += (adj[i] - adj[i - 1]) ** 2;
		const sd = Math.sqrt(ss / Math.max(1, adj.length - 1));
		for (let i = 0; i < h; i++) {
			const se = sd * Math.sqrt(i + 1);
			mean[i] = adj[adj.length - 1];
			lo80[i] = mean[i] - qnorm(0.9) * se;
			hi80[i] = mean[i] + qnorm(0.9) * se;
			lo95[i] = mean[i] - qnorm(0.975) * se;
			hi95[i] = mean[i] + qnorm(0.975) * se;
		}
	}
	for (let i = 0; i < h; i++) {
		let s = 0;
		for (let k = 0; k < periods.length; k++) s += dec.profiles[k][(n + i) % periods[k]];
		const tf = (v: number): number => (positive ? Math.exp(v + s) : v + s);
		f.mean[i] = tf(mean[i]);
		f.lo80[i] = tf(lo80[i]);
		f.hi80[i] = tf(hi80[i]);
		f.lo95[i] = tf(lo95[i]);
		f.hi95[i] = tf(hi95[i]);
	}
	return f;
}
