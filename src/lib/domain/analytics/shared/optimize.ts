// Derivative-free minimiser (Nelder–Mead) used to fit the CLV models' log-parameterised likelihoods.

export interface NelderMeadOptions {
	/** Stop when the simplex's function values differ by less than this (absolute). */
	fTol?: number;
	/** …and its vertices by less than this (max-norm). */
	xTol?: number;
	maxIterations?: number;
	/** Initial step per coordinate; in log space 0.5 is a factor of ~1.6. */
	step?: number;
}

export interface MinimizeResult {
	x: number[];
	fx: number;
	iterations: number;
	converged: boolean;
}

/**
 * Standard Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½), as in scipy's default.
 * Non-finite objective values are treated as +∞ so the simplex walks away from invalid regions.
 */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): MinimizeResult {
	const fTol = options.fTol ?? 1e-10;
	const xTol = options.xTol ?? 1e-8;
	const maxIterations = options.maxIterations ?? 5000;
	const step = options.step ?? 0.5;
	const n = x0.length;
	const safe = (x: number[]): number => {
		const v = f(x);
		return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
	};
	const simplex: number[][] = [x0.slice()];
	for (let i = 0; i < n; i++) {
		const v = x0.slice();
		v[i] += step;
		simplex.push(v);
	}
	let values = simplex.map(safe);
	let iterations = 0;
	let converged = false;
	const order = simplex.map((_, i) => i);
	for (; iterations < maxIterations; iterations++) {
		order.sort((a, b) => values[a] - values[b]);
		const sorted = order.map((i) => simplex[i]);
		const sortedValues = order.map((i) => values[i]);
		for (let i = 0; i <= n; i++) {
			simplex[i] = sorted[i];
			values[i] = sortedValues[i];
			order[i] = i;
		}
		let spread = 0;
		for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(simplex[i][j] - simplex[0][j]));
		if (Math.abs(values[n] - values[0]) <= fTol && spread <= xTol) {
			converged = true;
			break;
		}
		const centroid = new Array<number>(n).fill(0);
		for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
		const worst = simplex[n];
		const along = (t: number): number[] => centroid.map((c, j) => c + t * (worst[j] - c));
		const xr = along(-1);
		const fr = safe(xr);
		if (fr < values[0]) {
			const xe = along(-2);
			const fe = safe(xe);
			if (fe < fr) {
				simplex[n] = xe;
				values[n] = fe;
			} else {
				simplex[n] = xr;
				values[n] = fr;
			}
			continue;
		}
		if (fr < values[n - 1]) {
			simplex[n] = xr;
			values[n] = fr;
			continue;
		}
		// Contraction: outside if the reflection improved on the worst, inside otherwise.
		const outside = fr < values[n];
		const xc = along(outside ? -0.5 : 0.5);
		const fc = safe(xc);
		if (fc < (outside ? fr : values[n])) {
			simplex[n] = xc;
			values[n] = fc;
			continue;
		}
		for (let i = 1; i <= n; i++) {
			simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
			values[i] = safe(simplex[i]);
		}
	}
	let best = 0;
	for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
	values = values.slice();
	return { x: simplex[best], fx: values[best], iterations, converged };
}

/**
 * Runs Nelder–Mead from several starting points, restarting each from its own optimum once
 * (restarts fix the classic premature collapse of the simplex), and keeps the best.
 */
export function minimizeMultiStart(
	f: (x: number[]) => number,
	starts: readonly (readonly number[])[],
	options: NelderMeadOptions = {}
): MinimizeResult {
	let best: MinimizeResult | null = null;
	for (const s of starts) {
		let r = nelderMead(f, s, options);
		r = nelderMead(f, r.x, { ...options, step: 0.1 });
		if (best === null || r.fx < best.fx) best = r;
	}
	if (best === null) throw new Error('minimizeMultiStart: no starting points');
	return best;
}
