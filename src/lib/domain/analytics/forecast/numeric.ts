// Numeric helpers for the forecasting engine: normal quantiles, least squares line, ACF, classical decomposition, seeded RNG.
// Each mirrors the R function forecast calls (qnorm, lsfit, acf, decompose) so results line up with R.

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function qnorm(p: number): number {
	if (p <= 0) return -Infinity;
	if (p >= 1) return Infinity;
	const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
	const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
	const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
	const plow = 0.02425;
	if (p < plow) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	if (p > 1 - plow) {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	const q = p - 0.5;
	const r = q * q;
	return (
		((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
		(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
	);
}

/** Standard normal CDF via erfc (W. J. Cody-style rational fit, |error| < 1.2e-7 is plenty for coverage maths). */
export function pnorm(x: number): number {
	const z = Math.abs(x) / Math.SQRT2;
	const t = 1 / (1 + 0.5 * z);
	const r =
		t *
		Math.exp(
			-z * z -
				1.26551223 +
				t *
					(1.00002368 +
						t *
							(0.37409196 +
								t *
									(0.09678418 +
										t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
		);
	return x >= 0 ? 1 - r / 2 : r / 2;
}

export function mean(x: ArrayLike<number>, from = 0, to = x.length): number {
	let s = 0;
	for (let i = from; i < to; i++) s += x[i];
	return s / (to - from);
}

/** Least-squares line y = a + b·t with t = t0, t0+1, …; R's lsfit(t, y). */
export function lsLine(y: ArrayLike<number>, t0 = 1, len = y.length): { a: number; b: number } {
	let st = 0;
	let sy = 0;
	for (let i = 0; i < len; i++) {
		st += t0 + i;
		sy += y[i];
	}
	const mt = st / len;
	const my = sy / len;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < len; i++) {
		const dt = t0 + i - mt;
		sxy += dt * (y[i] - my);
		sxx += dt * dt;
	}
	const b = sxx > 0 ? sxy / sxx : 0;
	return { a: my - b * mt, b };
}

/** Sample autocorrelations r_1..r_maxLag (R's acf: divisor n, mean removed). */
export function acf(x: ArrayLike<number>, maxLag: number): Float64Array {
	const n = x.length;
	const mu = mean(x);
	let c0 = 0;
	for (let i = 0; i < n; i++) c0 += (x[i] - mu) * (x[i] - mu);
	const r = new Float64Array(maxLag);
	for (let k = 1; k <= maxLag; k++) {
		let s = 0;
		for (let i = 0; i + k < n; i++) s += (x[i] - mu) * (x[i + k] - mu);
		r[k - 1] = c0 > 0 ? s / c0 : 0;
	}
	return r;
}

/** thetaf's seasonality test: |r_m| against 90% two-sided band with Bartlett's variance. */
export function seasonalityTest(x: ArrayLike<number>, m: number): boolean {
	const n = x.length;
	if (m <= 1 || n <= 2 * m || isConstant(x)) return false;
	const r = acf(x, m);
	let s = 0;
	for (let k = 0; k < m - 1; k++) s += r[k] * r[k];
	const stat = Math.sqrt((1 + 2 * s) / n);
	return Math.abs(r[m - 1]) / stat > qnorm(0.95);
}

export function isConstant(x: ArrayLike<number>): boolean {
	for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
	return true;
}

/** Centred moving average as R's decompose uses (2×m MA for even m); NaN where the window runs off the ends. */
export function centredMA(x: ArrayLike<number>, m: number): Float64Array {
	const n = x.length;
	const out = new Float64Array(n).fill(NaN);
	const even = m % 2 === 0;
	const half = even ? m / 2 : (m - 1) / 2;
	for (let i = half; i < n - half; i++) {
		let s = 0;
		if (even) {
			s = 0.5 * x[i - half] + 0.5 * x[i + half];
			for (let j = i - half + 1; j < i + half; j++) s += x[j];
		} else {
			for (let j = i - half; j <= i + half; j++) s += x[j];
		}
		out[i] = s / m;
	}
	return out;
}

export interface Decomposition {
	trend: Float64Array;
	/** seasonal component aligned with x (figure repeated from the first observation) */
	seasonal: Float64Array;
	/** the m seasonal indices, figure[k] applies at positions k, k+m, … */
	figure: Float64Array;
}

/** R's decompose(x, type): classical additive or multiplicative decomposition. */
export function decompose(x: ArrayLike<number>, m: number, type: 'additive' | 'multiplicative'): Decomposition {
	const n = x.length;
	const trend = centredMA(x, m);
	const figure = new Float64Array(m);
	for (let k = 0; k < m; k++) {
		let s = 0;
		let c = 0;
		for (let i = k; i < n; i += m) {
			const t = trend[i];
			if (Number.isNaN(t)) continue;
			s += type === 'additive' ? x[i] - t : x[i] / t;
			c++;
		}
		figure[k] = c > 0 ? s / c : type === 'additive' ? 0 : 1;
	}
	const fm = mean(figure);
	for (let k = 0; k < m; k++) figure[k] = type === 'additive' ? figure[k] - fm : figure[k] / fm;
	const seasonal = new Float64Array(n);
	for (let i = 0; i < n; i++) seasonal[i] = figure[i % m];
	return { trend, seasonal, figure };
}

export { rng } from '../../random';

/** Standard normal draws by Box–Muller from a uniform source. */
export function normalSampler(u: () => number): () => number {
	let spare = NaN;
	return () => {
		if (!Number.isNaN(spare)) {
			const s = spare;
			spare = NaN;
			return s;
		}
		let a = u();
		while (a <= 1e-300) a = u();
		const b = u();
		const r = Math.sqrt(-2 * Math.log(a));
		spare = r * Math.sin(2 * Math.PI * b);
		return r * Math.cos(2 * Math.PI * b);
	};
}

/** Quantile with R's type 8 (median-unbiased), used for simulated intervals as forecast does. */
export function quantileType8(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n + 1 / 3) * p + 1 / 3;
	if (h <= 1) return sorted[0];
	if (h >= n) return sorted[n - 1];
	const lo = Math.floor(h);
	return sorted[lo - 1] + (h - lo) * (sorted[lo] - sorted[lo - 1]);
}

/** Median of a small array (copies). */
export function median(x: ArrayLike<number>): number {
	const s = Float64Array.from(x).sort();
	const n = s.length;
	if (n === 0) return NaN;
	return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}
