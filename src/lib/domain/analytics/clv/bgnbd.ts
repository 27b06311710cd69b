// BG/NBD model (Fader, Hardie & Lee 2005): maximum-likelihood fit, P(alive), E[X(t)] and conditional expected purchases.
import { lgamma, hyp2f1 } from '../shared/special';
import { minimizeMultiStart } from '../shared/optimize';

export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export interface BgNbdFit {
	params: BgNbdParams;
	logLikelihood: number;
	iterations: number;
	converged: boolean;
	/** Customers in the fit. */
	n: number;
}

/** Minimal (x, t_x, T) input; typed arrays of equal length, time in one unit (days or weeks). */
export interface XtT {
	x: ArrayLike<number>;
	tx: ArrayLike<number>;
	T: ArrayLike<number>;
}

/**
 * Collapses identical (x, t_x, T) rows into weighted rows: cohort data repeat the same triples a lot
 * (most customers never return, and days are discrete), so the likelihood gets several times cheaper.
 */
function compress(data: XtT): {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	w: Float64Array;
	xs: number[];
	xIndex: Int32Array;
	times: Float64Array;
	TIndex: Int32Array;
	txIndex: Int32Array;
} {
	const map = new Map<string, number>();
	const x: number[] = [];
	const tx: number[] = [];
	const T: number[] = [];
	const w: number[] = [];
	for (let i = 0; i < data.x.length; i++) {
		const key = `${data.x[i]}|${data.tx[i]}|${data.T[i]}`;
		const k = map.get(key);
		if (k === undefined) {
			map.set(key, x.length);
			x.push(data.x[i]);
			tx.push(data.tx[i]);
			T.push(data.T[i]);
			w.push(1);
		} else w[k]++;
	}
	// The Γ terms depend on x alone: evaluate them once per distinct x per likelihood call.
	const xs = [...new Set(x)].sort((p, q) => p - q);
	const pos = new Map(xs.map((v, i) => [v, i]));
	const xIndex = Int32Array.from(x, (v) => pos.get(v)!);
	// Likewise ln(α+T) and ln(α+t_x) depend on α and one distinct time value: days are discrete, so a
	// cohort has a few hundred distinct times and the per-row work drops to one exp/log pair.
	const times = [...new Set([...T, ...tx])].sort((p, q) => p - q);
	const tpos = new Map(times.map((v, i) => [v, i]));
	const TIndex = Int32Array.from(T, (v) => tpos.get(v)!);
	const txIndex = Int32Array.from(tx, (v) => tpos.get(v)!);
	return {
		x: Float64Array.from(x),
		tx: Float64Array.from(tx),
		T: Float64Array.from(T),
		w: Float64Array.from(w),
		xs,
		xIndex,
		times: Float64Array.from(times),
		TIndex,
		txIndex
	};
}

type Compressed = ReturnType<typeof compress>;

function logLikelihoodCompressed(p: BgNbdParams, d: Compressed): number {
	const { r, alpha, a, b } = p;
	if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
	const k = d.xs.length;
	const gx = new Float64Array(k); // lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
	const a4c = new Float64Array(k); // ln a − ln(b+x−1), x > 0
	const base = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
	for (let i = 0; i < k; i++) {
		const x = d.xs[i];
		gx[i] = base + lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
		a4c[i] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
	}
	const logTime = new Float64Array(d.times.length);
	for (let i = 0; i < logTime.length; i++) logTime[i] = Math.log(alpha + d.times[i]);
	let ll = 0;
	const n = d.x.length;
	for (let i = 0; i < n; i++) {
		const x = d.x[i];
		const j = d.xIndex[i];
		const a3 = -(r + x) * logTime[d.TIndex[i]];
		let term: number;
		if (x > 0) {
			const a4 = a4c[j] - (r + x) * logTime[d.txIndex[i]];
			// log(e^a3 + e^a4) without overflow
			const m = a3 > a4 ? a3 : a4;
			term = m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
		} else term = a3;
		ll += d.w[i] * (gx[j] + term);
	}
	return ll;
}

/** Total log-likelihood of the BG/NBD at `params` (as in FHL 2005 eq. 6, summed over customers). */
export function bgnbdLogLikelihood(params: BgNbdParams, data: XtT): number {
	return logLikelihoodCompressed(params, compress(data));
}

export interface BgNbdFitOptions {
	/** Extra starting points (natural scale); defaults cover the usual basins. */
	starts?: BgNbdParams[];
	/** L2 penalty on the log parameters, like lifetimes' penalizer_coef (default 0 = pure MLE). */
	penalizer?: number;
}

/**
 * Maximum likelihood by Nelder–Mead on log(r, α, a, b) (keeps every parameter positive without
 * constraints), multi-start with restarts. Starting α scales with the mean age T so that the same
 * defaults work with days and weeks.
 */
export function fitBgNbd(data: XtT, options: BgNbdFitOptions = {}): BgNbdFit {
	const d = compress(data);
	let sumT = 0;
	for (let i = 0; i < data.T.length; i++) sumT += data.T[i];
	const meanT = data.T.length > 0 ? sumT / data.T.length : 1;
	const penalizer = options.penalizer ?? 0;
	const starts: BgNbdParams[] = options.starts ?? [
		{ r: 0.5, alpha: Math.max(meanT / 4, 1e-3), a: 1, b: 2 },
		{ r: 1, alpha: Math.max(meanT, 1e-3), a: 0.5, b: 1 },
		{ r: 0.1, alpha: Math.max(meanT / 20, 1e-3), a: 2, b: 5 }
	];
	const toLog = (p: BgNbdParams): number[] => [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)];
	const fromLog = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
	const objective = (v: number[]): number => {
		// Outside this box the model is degenerate and exp/log overflow; the simplex just avoids it.
		for (const t of v) if (t < -20 || t > 20) return Number.POSITIVE_INFINITY;
		const ll = logLikelihoodCompressed(fromLog(v), d);
		const pen = penalizer > 0 ? penalizer * v.reduce((s, t) => s + Math.exp(t) ** 2, 0) : 0;
		return -ll + pen;
	};
	// Start from the best of the candidate points (cheap: one likelihood each) rather than running the
	// simplex from all of them; the restart inside minimizeMultiStart guards against early collapse.
	const logStarts = starts.map(toLog);
	let best = logStarts[0];
	for (const s of logStarts) if (objective(s) < objective(best)) best = s;
	const res = minimizeMultiStart(objective, [best], { fTol: 1e-9, xTol: 1e-7, maxIterations: 4000 });
	const params = fromLog(res.x);
	return {
		params,
		logLikelihood: logLikelihoodCompressed(params, d),
		iterations: res.iterations,
		converged: res.converged,
		n: data.x.length
	};
}

/** E[X(t)]: expected purchases in (0, t] for a customer who just made a first purchase (FHL eq. 7). */
export function expectedPurchases(p: BgNbdParams, t: number): number {
	const { r, alpha, a, b } = p;
	if (t <= 0) return 0;
	const z = t / (alpha + t);
	return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}

/** P(alive | x, t_x, T) (FHL 2005 eq. 11 / Fader et al. note). */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
	if (x === 0) return 1;
	const { r, alpha, a, b } = p;
	const logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
	return 1 / (1 + Math.exp(logRatio));
}

/** E[Y(t) | x, t_x, T]: expected purchases in (T, T+t] for a customer with that history (FHL eq. 10). */
export function conditionalExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
	if (t <= 0) return 0;
	const { r, alpha, a, b } = p;
	const z = t / (alpha + T + t);
	const head = (a + b + x - 1) / (a - 1);
	const body = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
	const denom = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
	return (head * body) / denom;
}
