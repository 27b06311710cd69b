// Gamma-Gamma spend model (Fader & Hardie 2013): ML fit on repeat buyers' mean spend, and conditional expected spend.
import { lgamma } from '../shared/special';
import { minimizeMultiStart } from '../shared/optimize';

export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

export interface GammaGammaFit {
	params: GammaGammaParams;
	logLikelihood: number;
	/** Customers used (x > 0 and mean > 0). */
	n: number;
	converged: boolean;
}

/**
 * Log-likelihood of mean spend m over x repeat purchases (the first purchase is excluded upstream):
 * lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x).
 * Same expression as lifetimes' GammaGammaFitter, which drops the constant −Σ ln Γ terms of the m's.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: ArrayLike<number>, mean: ArrayLike<number>): number {
	const { p, q, gamma } = params;
	if (!(p > 0 && q > 0 && gamma > 0)) return Number.NEGATIVE_INFINITY;
	let ll = 0;
	const lgq = lgamma(q);
	const qlg = q * Math.log(gamma);
	// lnΓ(px+q) − lnΓ(px) depends on x only; repeat counts are small integers, so cache per x.
	const cache = new Map<number, number>();
	for (let i = 0; i < x.length; i++) {
		const xi = x[i];
		const m = mean[i];
		if (!(xi > 0 && m > 0)) continue;
		const px = p * xi;
		let g = cache.get(xi);
		if (g === undefined) {
			g = lgamma(px + q) - lgamma(px) + px * Math.log(xi);
			cache.set(xi, g);
		}
		ll += g - lgq + qlg + (px - 1) * Math.log(m) - (px + q) * Math.log(gamma + m * xi);
	}
	return ll;
}

/** ML fit by Nelder–Mead on log(p, q, γ); only customers with x > 0 and positive mean spend count. */
export function fitGammaGamma(x: ArrayLike<number>, mean: ArrayLike<number>): GammaGammaFit {
	const xs: number[] = [];
	const ms: number[] = [];
	let sum = 0;
	for (let i = 0; i < x.length; i++)
		if (x[i] > 0 && mean[i] > 0) {
			xs.push(x[i]);
			ms.push(mean[i]);
			sum += mean[i];
		}
	const X = Float64Array.from(xs);
	const M = Float64Array.from(ms);
	const mbar = xs.length > 0 ? sum / xs.length : 1;
	const objective = (v: number[]): number => {
		for (const t of v) if (t < -20 || t > 20) return Number.POSITIVE_INFINITY;
		return -gammaGammaLogLikelihood({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) }, X, M);
	};
	// Prior mean spend is pγ/(q−1); starts are spread around that scale.
	const starts = [
		[Math.log(1), Math.log(2), Math.log(mbar)],
		[Math.log(5), Math.log(3), Math.log(mbar / 2)],
		[Math.log(0.5), Math.log(5), Math.log(mbar * 4)]
	];
	let best = starts[0];
	for (const s of starts) if (objective(s) < objective(best)) best = s;
	const res = minimizeMultiStart(objective, [best], { fTol: 1e-10, xTol: 1e-8, maxIterations: 4000 });
	const params = { p: Math.exp(res.x[0]), q: Math.exp(res.x[1]), gamma: Math.exp(res.x[2]) };
	return { params, logLikelihood: -res.fx, n: xs.length, converged: res.converged };
}

/** E[Z | x, m̄]: the customer's expected average transaction value (F&H 2013 eq. 5); population mean when x = 0. */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, mean: number): number {
	const { p, q, gamma } = params;
	if (!(x > 0)) return (p * gamma) / (q - 1);
	return (p * (gamma + x * mean)) / (p * x + q - 1);
}
