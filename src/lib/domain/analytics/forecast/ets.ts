// ETS state-space models (error A/M, trend N/A/Ad, season N/A/M): likelihood fit, AICc selection and intervals as R forecast::ets.
// The recursions, starting values, bounds and optimiser follow forecast 8.20 (etscalc, initstate, initparam, check.param,
// admissible, class1/2/3) so that parameters, chosen models and forecasts agree with R on the same data.

import { nelderMead } from './nelderMead';
import { add, kron, mat, mul, rootsInsideDisk, scale, set, tr, vec, leastSquares, type Mat } from './linalg';
import { decompose, isConstant, lsLine, mean, qnorm } from './numeric';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
	error: ErrorType;
	trend: TrendType;
	damped: boolean;
	season: SeasonType;
}

export interface EtsParams {
	alpha: number;
	beta: number;
	gamma: number;
	phi: number;
}

export interface EtsFit {
	spec: EtsSpec;
	/** seasonal period used (1 when non-seasonal) */
	m: number;
	n: number;
	par: EtsParams;
	/** initial states: l, [b], s1..sm (s1 most recent, as R's states[1, ]) */
	initState: Float64Array;
	/** states after the last observation, same layout */
	lastState: Float64Array;
	/** R's e$lik: n·log(SSE) (+ 2Σlog|ŷ| for multiplicative error) */
	lik: number;
	loglik: number;
	aic: number;
	aicc: number;
	bic: number;
	sigma2: number;
	mse: number;
	/** additive: y - ŷ; multiplicative: (y - ŷ)/ŷ */
	residuals: Float64Array;
	fitted: Float64Array;
	/** parameters counted for sigma2 (smoothing + initial states) */
	nParams: number;
}

export interface EtsOptions {
	optCrit?: 'lik' | 'mse';
	lower?: [number, number, number, number];
	upper?: [number, number, number, number];
	maxit?: number;
}

export const etsName = (s: EtsSpec): string => `ETS(${s.error},${s.trend}${s.damped ? 'd' : ''},${s.season})`;

const TOL = 1e-10;
const HUGEN = 1e10;
const DEFAULT_LOWER: [number, number, number, number] = [1e-4, 1e-4, 1e-4, 0.8];
const DEFAULT_UPPER: [number, number, number, number] = [0.9999, 0.9999, 0.9999, 0.98];

/** Scratch holder so the hot loop does not allocate per likelihood evaluation. */
interface Work {
	ring: Float64Array;
	e: Float64Array;
}

/**
 * etscalc: run the filter over y from initial state x0, returning R's lik (and MSE).
 * The seasonal states live in a ring buffer: C's per-step copy of m states is the main cost otherwise.
 * When `states` is given it receives (n+1)·p values in R's layout.
 */
function etsCalc(
	y: ArrayLike<number>,
	m: number,
	x0: ArrayLike<number>,
	errM: boolean,
	trend: number,
	season: number,
	alpha: number,
	beta: number,
	gamma: number,
	phi: number,
	w: Work,
	states?: Float64Array
): { lik: number; mse: number } {
	const n = y.length;
	const hasT = trend > 0;
	const hasS = season > 0;
	const p = 1 + (hasT ? 1 : 0) + (hasS ? m : 0);
	let l = x0[0];
	let b = hasT ? x0[1] : 0;
	const ring = w.ring;
	const so = hasT ? 2 : 1;
	// ring[(ptr + k) % m] holds s[m-1-k]: ptr points at the oldest state, the one y_t uses.
	if (hasS) for (let k = 0; k < m; k++) ring[k] = x0[so + m - 1 - k];
	let ptr = 0;
	if (states) for (let j = 0; j < p; j++) states[j] = x0[j];
	const e = w.e;
	let sse = 0;
	let lik2 = 0;
	const bOverA = beta / alpha;
	for (let i = 0; i < n; i++) {
		const yi = y[i];
		const oldl = l;
		const phib = hasT ? phi * b : 0;
		const q = oldl + phib;
		const olds = hasS ? ring[ptr] : 0;
		let f = q;
		if (season === 1) f += olds;
		else if (season === 2) f *= olds;
		const ei = errM ? (yi - f) / f : yi - f;
		e[i] = ei;
		sse += ei * ei;
		if (errM) lik2 += Math.log(Math.abs(f));
		let pp: number;
		if (season === 0) pp = yi;
		else if (season === 1) pp = yi - olds;
		else pp = Math.abs(olds) < TOL ? HUGEN : yi / olds;
		l = q + alpha * (pp - q);
		if (hasT) b = phib + bOverA * (l - oldl - phib);
		if (hasS) {
			let t: number;
			if (season === 1) t = yi - q;
			else t = Math.abs(q) < TOL ? HUGEN : yi / q;
			ring[ptr] = olds + gamma * (t - olds);
			ptr = ptr + 1 === m ? 0 : ptr + 1;
		}
		if (states) {
			const o = (i + 1) * p;
			states[o] = l;
			if (hasT) states[o + 1] = b;
			if (hasS) for (let j = 0; j < m; j++) states[o + so + j] = ring[(ptr + m - 1 - j) % m];
		}
	}
	let lik = n * Math.log(sse);
	if (errM) lik += 2 * lik2;
	return { lik, mse: sse / n };
}

let POLY = new Float64Array(26);
let DEFL = new Float64Array(26);

/** R's admissible(): forecastability region, including the characteristic-polynomial root test for seasonal models. */
function admissible(alpha: number, beta: number | null, gamma: number | null, phi: number, m: number): boolean {
	if (phi < 0 || phi > 1 + 1e-8) return false;
	if (gamma === null) {
		if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
		if (beta !== null && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
		return true;
	}
	if (m <= 1) return true;
	const bb = beta ?? 0;
	if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
	if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
	if (bb < -(1 - phi) * (gamma / m + alpha)) return false;
	// P(z) = phi(1-a-g) + (a+b-a·phi+g-1) z + (a+b-a·phi)(z^2..z^{m-1}) + (a+b-phi) z^m + z^{m+1}; R wants max|root| ≤ 1+1e-10.
	// Scratch buffers are reused: this runs on every likelihood evaluation.
	if (POLY.length < m + 2) POLY = new Float64Array(m + 2);
	const coef = POLY.subarray(0, m + 2);
	coef[0] = phi * (1 - alpha - gamma);
	coef[1] = alpha + bb - alpha * phi + gamma - 1;
	for (let k = 2; k < m; k++) coef[k] = alpha + bb - alpha * phi;
	coef[m] = alpha + bb - phi;
	coef[m + 1] = 1;
	// Without trend (beta 0, phi 1) z = 1 is always a root; deflate it exactly rather than fight rounding at the circle.
	let c: Float64Array = coef;
	if (bb === 0 && phi === 1) {
		const d = coef.length - 1;
		if (DEFL.length < d) DEFL = new Float64Array(d);
		const q = DEFL.subarray(0, d);
		q[d - 1] = coef[d];
		for (let k = d - 1; k >= 1; k--) q[k - 1] = coef[k] + q[k];
		c = q;
	}
	return rootsInsideDisk(c, 1 + 1e-10);
}

/** R's initstate(): heuristic starting states from a decomposition and a line through the first observations. */
export function initState(y: ArrayLike<number>, m: number, trend: TrendType, season: SeasonType): Float64Array {
	const n = y.length;
	let ysa: ArrayLike<number> = y;
	let initSeas: number[] = [];
	if (season !== 'N') {
		let seasonal: Float64Array;
		if (n < 3 * m) {
			// Too short for decompose: detrend with a line plus one Fourier pair, as R does via tslm(y ~ trend + fourier(y, 1)).
			const t = new Float64Array(n);
			const one = new Float64Array(n).fill(1);
			const cols: Float64Array[] = [one, t];
			const sn = new Float64Array(n);
			const cs = new Float64Array(n);
			for (let i = 0; i < n; i++) {
				t[i] = i + 1;
				sn[i] = Math.sin((2 * Math.PI * (i + 1)) / m);
				cs[i] = Math.cos((2 * Math.PI * (i + 1)) / m);
			}
			if (m > 2) cols.push(sn);
			cols.push(cs);
			const beta = leastSquares(cols, y);
			seasonal = new Float64Array(n);
			for (let i = 0; i < n; i++) {
				const lin = beta[0] + beta[1] * (i + 1);
				seasonal[i] = season === 'A' ? y[i] - lin : y[i] / lin;
			}
		} else {
			seasonal = decompose(y, m, season === 'A' ? 'additive' : 'multiplicative').seasonal;
		}
		// rev(seasonal[2:m]) in R's 1-based indexing
		for (let k = m - 1; k >= 1; k--) initSeas.push(seasonal[k]);
		const sa = new Float64Array(n);
		if (season === 'A') {
			for (let i = 0; i < n; i++) sa[i] = y[i] - seasonal[i];
		} else {
			initSeas = initSeas.map((v) => Math.max(v, 0.01));
			const sum = initSeas.reduce((a, b) => a + b, 0);
			if (sum > m) initSeas = initSeas.map((v) => v / (sum + 0.01 * initSeas.length));
			for (let i = 0; i < n; i++) sa[i] = y[i] / Math.max(seasonal[i], 0.01);
		}
		ysa = sa;
	}
	const mm = season === 'N' ? 1 : m;
	const maxn = Math.min(Math.max(10, 2 * mm), ysa.length);
	const out: number[] = [];
	if (trend === 'N') {
		out.push(mean(ysa, 0, maxn));
	} else {
		const { a, b } = lsLine(ysa, 1, maxn);
		let l0 = a;
		let b0 = b;
		if (Math.abs(l0 + b0) < 1e-8) {
			l0 *= 1.001;
			b0 *= 0.999;
		}
		out.push(l0, b0);
	}
	return Float64Array.from([...out, ...initSeas]);
}

interface Setup {
	spec: EtsSpec;
	m: number;
	lower: [number, number, number, number];
	upper: [number, number, number, number];
}

/** R's initparam() with bounds = "both". */
function initParams(s: Setup): number[] {
	const { lower, upper, spec } = s;
	const m = spec.season === 'N' ? 1 : s.m;
	const up = [...upper];
	let alpha = lower[0] + (0.2 * (up[0] - lower[0])) / m;
	if (alpha > 1 || alpha < 0) alpha = lower[0] + 0.002;
	const par = [alpha];
	if (spec.trend !== 'N') {
		up[1] = Math.min(up[1], alpha);
		let beta = lower[1] + 0.1 * (up[1] - lower[1]);
		if (beta < 0 || beta > alpha) beta = alpha - 0.001;
		par.push(beta);
	}
	if (spec.season !== 'N') {
		up[2] = Math.min(up[2], 1 - alpha);
		let gamma = lower[2] + 0.05 * (up[2] - lower[2]);
		if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 0.001;
		par.push(gamma);
	}
	if (spec.damped) {
		let phi = lower[3] + 0.99 * (upper[3] - lower[3]);
		if (phi < 0 || phi > 1) phi = upper[3] - 0.001;
		par.push(phi);
	}
	return par;
}

function unpack(spec: EtsSpec, par: ArrayLike<number>): EtsParams & { k: number } {
	let k = 0;
	const alpha = par[k++];
	const beta = spec.trend !== 'N' ? par[k++] : 0;
	const gamma = spec.season !== 'N' ? par[k++] : 0;
	const phi = spec.damped ? par[k++] : 1;
	return { alpha, beta, gamma, phi, k };
}

function checkParams(s: Setup, p: EtsParams): boolean {
	const { lower, upper, spec } = s;
	if (p.alpha < lower[0] || p.alpha > upper[0]) return false;
	if (spec.trend !== 'N' && (p.beta < lower[1] || p.beta > p.alpha || p.beta > upper[1])) return false;
	if (spec.damped && (p.phi < lower[3] || p.phi > upper[3])) return false;
	if (spec.season !== 'N' && (p.gamma < lower[2] || p.gamma > 1 - p.alpha || p.gamma > upper[2])) return false;
	return admissible(
		p.alpha,
		spec.trend !== 'N' ? p.beta : null,
		spec.season !== 'N' ? p.gamma : null,
		spec.damped ? p.phi : 1,
		spec.season !== 'N' ? s.m : 1
	);
}

/** Full initial state (appending the seasonal state implied by normalisation). */
function fullState(spec: EtsSpec, m: number, opt: ArrayLike<number>, from: number, nstate: number): Float64Array {
	const hasS = spec.season !== 'N';
	const x = new Float64Array(nstate + (hasS ? 1 : 0));
	for (let i = 0; i < nstate; i++) x[i] = opt[from + i];
	if (hasS) {
		const so = spec.trend !== 'N' ? 2 : 1;
		let s = 0;
		for (let i = so; i < nstate; i++) s += x[i];
		x[nstate] = (spec.season === 'M' ? m : 0) - s;
	}
	return x;
}

/** Fit one ETS model by maximum likelihood (or one-step MSE, as ses() asks). Returns null when there are too few points. */
export function fitEtsModel(y: ArrayLike<number>, m: number, spec: EtsSpec, opts: EtsOptions = {}): EtsFit | null {
	const n = y.length;
	const mm = spec.season === 'N' ? 1 : m;
	const s: Setup = {
		spec,
		m: mm,
		lower: opts.lower ?? DEFAULT_LOWER,
		upper: opts.upper ?? DEFAULT_UPPER
	};
	const par0 = initParams(s);
	const st0 = initState(y, mm, spec.trend, spec.season);
	const nstate = st0.length;
	const start = [...par0, ...st0];
	const np = start.length;
	if (np >= n - 1) return null;
	const errM = spec.error === 'M';
	const trendCode = spec.trend === 'N' ? 0 : 1;
	const seasonCode = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
	const w: Work = {
		ring: new Float64Array(Math.max(mm, 1)),
		e: new Float64Array(n)
	};
	const optMse = opts.optCrit === 'mse';
	const so = spec.trend !== 'N' ? 2 : 1;
	const x = new Float64Array(nstate + (spec.season !== 'N' ? 1 : 0));
	const objective = (v: Float64Array): number => {
		const p = unpack(spec, v);
		if (!checkParams(s, p)) return Infinity;
		for (let i = 0; i < nstate; i++) x[i] = v[p.k + i];
		if (spec.season !== 'N') {
			let sum = 0;
			for (let i = so; i < nstate; i++) sum += x[i];
			x[nstate] = (spec.season === 'M' ? mm : 0) - sum;
			if (spec.season === 'M') for (let i = so; i <= nstate; i++) if (x[i] < 0) return Infinity;
		}
		const r = etsCalc(y, mm, x, errM, trendCode, seasonCode, p.alpha, p.beta, p.gamma, p.phi, w);
		let lik = r.lik;
		if (Number.isNaN(lik)) return Infinity;
		if (lik < -1e10) lik = -1e10;
		return optMse ? r.mse : lik;
	};
	const opt = nelderMead(objective, start, { maxit: opts.maxit ?? 2000 });
	const p = unpack(spec, opt.par);
	const x0 = fullState(spec, mm, opt.par, p.k, nstate);
	const pdim = x0.length;
	const states = new Float64Array((n + 1) * pdim);
	const r = etsCalc(y, mm, x0, errM, trendCode, seasonCode, p.alpha, p.beta, p.gamma, p.phi, w, states);
	if (!Number.isFinite(r.lik)) return null;
	const residuals = Float64Array.from(w.e);
	const fitted = new Float64Array(n);
	for (let i = 0; i < n; i++) fitted[i] = errM ? y[i] / (1 + residuals[i]) : y[i] - residuals[i];
	const k = np + 1;
	const aic = r.lik + 2 * k;
	let ssq = 0;
	for (let i = 0; i < n; i++) ssq += residuals[i] * residuals[i];
	return {
		spec,
		m: mm,
		n,
		par: { alpha: p.alpha, beta: p.beta, gamma: p.gamma, phi: p.phi },
		initState: x0,
		lastState: states.slice(n * pdim),
		lik: r.lik,
		loglik: -0.5 * r.lik,
		aic,
		aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
		bic: r.lik + Math.log(n) * k,
		sigma2: ssq / (n - np),
		mse: r.mse,
		residuals,
		fitted,
		nParams: np
	};
}

export interface EtsSelectOptions extends EtsOptions {
	/** restrict the search, e.g. { trend: ['A'], damped: [true] } for a damped-trend model */
	error?: ErrorType[];
	trend?: TrendType[];
	damped?: boolean[];
	season?: SeasonType[];
	ic?: 'aicc' | 'aic' | 'bic';
	/** R's additive.only */
	additiveOnly?: boolean;
	/** receives every fitted candidate, so callers can reuse them (Auto picks the best damped model from here) */
	collect?: EtsFit[];
}

/** All model forms R's ets(model = "ZZZ") would try for these data. */
export function candidateSpecs(y: ArrayLike<number>, m: number, o: EtsSelectOptions = {}): EtsSpec[] {
	let positive = true;
	for (let i = 0; i < y.length; i++) if (!(y[i] > 0)) positive = false;
	const seasonal = m > 1 && m <= 24 && y.length > m;
	const out: EtsSpec[] = [];
	for (const error of o.error ?? (['A', 'M'] as ErrorType[]))
		for (const trend of o.trend ?? (['N', 'A'] as TrendType[]))
			for (const season of o.season ?? (['N', 'A', 'M'] as SeasonType[]))
				for (const damped of o.damped ?? [true, false]) {
					if (trend === 'N' && damped) continue;
					if (!seasonal && season !== 'N') continue;
					if (error === 'A' && season === 'M') continue;
					if (o.additiveOnly && (error === 'M' || season === 'M')) continue;
					if (!positive && (error === 'M' || season === 'M')) continue;
					out.push({ error, trend, damped, season });
				}
	return out;
}

/** forecast::ets(y) with AICc selection. Returns null only if no candidate could be fitted (e.g. n ≤ 3). */
export function autoEts(y: ArrayLike<number>, m: number, o: EtsSelectOptions = {}): EtsFit | null {
	const ic = o.ic ?? 'aicc';
	let best: EtsFit | null = null;
	for (const spec of candidateSpecs(y, m, o)) {
		const fit = fitEtsModel(y, m, spec, o);
		if (!fit) continue;
		o.collect?.push(fit);
		const v = fit[ic];
		if (!Number.isFinite(v)) continue;
		if (!best || v < best[ic]) best = fit;
	}
	return best;
}

/** Constant series: R returns ses with alpha ≈ 1; the forecast is the value and intervals collapse. */
export const constantSeries = isConstant;

export interface IntervalForecast {
	mean: Float64Array;
	lo80: Float64Array;
	hi80: Float64Array;
	lo95: Float64Array;
	hi95: Float64Array;
}

/** Point forecasts from the last state (C forecast(): cumulative damping, seasonal index j = m-1-i mod m). */
export function etsPoint(fit: EtsFit, h: number): Float64Array {
	const { spec, m, lastState: x, par } = fit;
	const out = new Float64Array(h);
	const hasT = spec.trend !== 'N';
	const so = hasT ? 2 : 1;
	let phistar = par.phi;
	for (let i = 0; i < h; i++) {
		let f = hasT ? x[0] + phistar * x[1] : x[0];
		if (spec.season !== 'N') {
			let j = m - 1 - i;
			while (j < 0) j += m;
			f = spec.season === 'A' ? f + x[so + j] : f * x[so + j];
		}
		out[i] = f;
		phistar += Math.abs(par.phi - 1) < TOL ? 1 : Math.pow(par.phi, i + 1);
	}
	return out;
}

/** class1 (and the c_j it needs for class2): state-space mean and variance for linear models. */
function class1(fit: EtsFit, h: number): { mu: Float64Array; v: Float64Array; c: Float64Array } {
	const { spec, m, lastState: x, par, sigma2 } = fit;
	const p = x.length;
	const hasT = spec.trend !== 'N';
	const hasS = spec.season === 'A';
	const phi = spec.damped ? par.phi : 1;
	// row vector w = H F^j, iterated; F is applied as a sparse transition
	let w = new Float64Array(p);
	w[0] = 1;
	if (hasS) w[p - 1] = 1;
	if (hasT) w[1] = phi;
	const G = new Float64Array(p);
	G[0] = par.alpha;
	if (hasT) G[1] = par.beta;
	if (hasS) G[hasT ? 2 : 1] = par.gamma;
	const mu = new Float64Array(h);
	const c = new Float64Array(h);
	const v = new Float64Array(h);
	let cum = 0;
	for (let i = 0; i < h; i++) {
		let s = 0;
		let g = 0;
		for (let k = 0; k < p; k++) {
			s += w[k] * x[k];
			g += w[k] * G[k];
		}
		mu[i] = s;
		v[i] = sigma2 * (1 + cum);
		c[i] = g;
		cum += g * g;
		// w ← w F
		const nw = new Float64Array(p);
		nw[0] = w[0];
		if (hasT) nw[1] = w[0] * phi + w[1] * phi;
		if (hasS) {
			const s0 = p - m;
			// F[s0, p-1] = 1 and F[s0+1+k, s0+k] = 1 for k < m-1
			nw[p - 1] += w[s0];
			for (let k = 0; k < m - 1; k++) nw[s0 + k] += w[s0 + 1 + k];
		}
		w = nw;
	}
	return { mu, v, c };
}

function class2(fit: EtsFit, h: number): { mu: Float64Array; v: Float64Array } {
	const { mu, c } = class1(fit, h);
	const s2 = fit.sigma2;
	const theta = new Float64Array(h);
	const v = new Float64Array(h);
	theta[0] = mu[0] * mu[0];
	for (let j = 1; j < h; j++) {
		let s = 0;
		for (let k = 0; k < j; k++) s += c[k] * c[k] * theta[j - 1 - k];
		theta[j] = mu[j] * mu[j] + s2 * s;
	}
	for (let j = 0; j < h; j++) v[j] = (1 + s2) * theta[j] - mu[j] * mu[j];
	return { mu, v };
}

/** class3: Hyndman et al. (2008) moments for multiplicative error and season, ported from forecast's class3(). */
function class3(fit: EtsFit, h: number): { mu: Float64Array; v: Float64Array } {
	const { spec, m, lastState: x, par, sigma2 } = fit;
	const p = x.length;
	const q = spec.trend === 'N' ? 1 : 2;
	const H1 = mat(1, q, new Array<number>(q).fill(1));
	const H2 = mat(1, m);
	H2.d[m - 1] = 1;
	let F1: Mat;
	let G1: Mat;
	if (q === 1) {
		F1 = mat(1, 1, [1]);
		G1 = mat(1, 1, [par.alpha]);
	} else {
		F1 = mat(2, 2, [1, 1, 0, spec.damped ? par.phi : 1]);
		G1 = mat(2, 2, [par.alpha, par.alpha, par.beta, par.beta]);
	}
	const F2 = mat(m, m);
	set(F2, 0, m - 1, 1);
	for (let i = 1; i < m; i++) set(F2, i, i - 1, 1);
	const G2 = mat(m, m);
	set(G2, 0, m - 1, par.gamma);
	let Mh = mul(mat(q, 1, x.subarray(0, p - m)), mat(1, m, x.subarray(p - m)));
	const dim = q * m;
	let Vh = mat(dim, dim);
	const H21 = kron(H2, H1);
	const F21 = kron(F2, F1);
	const G21 = kron(G2, G1);
	const K = add(kron(G2, F1), kron(F2, G1));
	const H21t = tr(H21);
	const F21t = tr(F21);
	const G21t = tr(G21);
	const Kt = tr(K);
	const F2t = tr(F2);
	const G2t = tr(G2);
	const mu = new Float64Array(h);
	const v = new Float64Array(h);
	for (let i = 0; i < h; i++) {
		mu[i] = mul(mul(H1, Mh), tr(H2)).d[0];
		v[i] = (1 + sigma2) * mul(mul(H21, Vh), H21t).d[0] + sigma2 * mu[i] * mu[i];
		const vm = vec(Mh);
		const vmvm = mul(vm, tr(vm));
		const FVF = mul(mul(F21, Vh), F21t);
		const cross = add(
			mul(mul(F21, Vh), G21t),
			mul(mul(G21, Vh), F21t),
			mul(mul(K, add(Vh, vmvm)), Kt),
			scale(mul(mul(G21, add(scale(Vh, 3), scale(vmvm, 2))), G21t), sigma2)
		);
		Vh = add(FVF, scale(cross, sigma2));
		Mh = add(mul(mul(F1, Mh), F2t), scale(mul(mul(G1, Mh), G2t), sigma2));
	}
	return { mu, v };
}

/** Forecast mean with 80/95% intervals, choosing the same variance formula as forecast.ets. */
export function etsForecast(fit: EtsFit, h: number): IntervalForecast {
	const { spec } = fit;
	let mu: Float64Array;
	let v: Float64Array;
	if (spec.error === 'A' && spec.season !== 'M') ({ mu, v } = class1(fit, h));
	else if (spec.error === 'M' && spec.season !== 'M') ({ mu, v } = class2(fit, h));
	else ({ mu, v } = class3(fit, h));
	const z80 = qnorm(0.9);
	const z95 = qnorm(0.975);
	const r: IntervalForecast = {
		mean: mu,
		lo80: new Float64Array(h),
		hi80: new Float64Array(h),
		lo95: new Float64Array(h),
		hi95: new Float64Array(h)
	};
	for (let i = 0; i < h; i++) {
		const sd = Math.sqrt(Math.max(v[i], 0));
		r.lo80[i] = mu[i] - z80 * sd;
		r.hi80[i] = mu[i] + z80 * sd;
		r.lo95[i] = mu[i] - z95 * sd;
		r.hi95[i] = mu[i] + z95 * sd;
	}
	return r;
}
