// Nelder-Mead minimiser, a line-by-line port of R's nmmin (optim.c) which forecast::ets calls as etsNelderMead.
// Matching R's simplex construction, step rules and stopping test makes our ETS estimates land where R's do.

export interface NelderMeadResult {
	par: Float64Array;
	value: number;
	evals: number;
	converged: boolean;
}

const BIG = 1.0e35;

/**
 * Minimise fn from start. abstol -Inf and reltol sqrt(eps) are R's ets settings;
 * alpha/beta/gamma are reflection, contraction and expansion factors (1, 0.5, 2).
 */
export function nelderMead(
	fn: (x: Float64Array) => number,
	start: ArrayLike<number>,
	opts: { maxit?: number; reltol?: number; abstol?: number } = {}
): NelderMeadResult {
	const maxit = opts.maxit ?? 2000;
	const intol = opts.reltol ?? 1.490116119384765625e-8;
	const abstol = opts.abstol ?? -Infinity;
	const alpha = 1;
	const bet = 0.5;
	const gamm = 2;
	const n = start.length;
	const bvec = Float64Array.from(start);
	if (n === 0) {
		const v = fn(bvec);
		return { par: bvec, value: v, evals: 1, converged: true };
	}
	const n1 = n + 1;
	const C = n + 2;
	// P[i][j]: rows 0..n-1 are coordinates, row n is the function value; column C-1 is the centroid.
	const P: Float64Array[] = [];
	for (let i = 0; i <= n; i++) P.push(new Float64Array(n + 2));
	let f = fn(bvec);
	if (!Number.isFinite(f)) {
		return { par: bvec, value: Infinity, evals: 1, converged: false };
	}
	let funcount = 1;
	const convtol = intol * (Math.abs(f) + intol);
	P[n1 - 1][0] = f;
	for (let i = 0; i < n; i++) P[i][0] = bvec[i];
	let L = 1;
	let size = 0;
	let step = 0;
	for (let i = 0; i < n; i++) if (0.1 * Math.abs(bvec[i]) > step) step = 0.1 * Math.abs(bvec[i]);
	if (step === 0) step = 0.1;
	for (let j = 2; j <= n1; j++) {
		for (let i = 0; i < n; i++) P[i][j - 1] = bvec[i];
		let trystep = step;
		while (P[j - 2][j - 1] === bvec[j - 2]) {
			P[j - 2][j - 1] = bvec[j - 2] + trystep;
			trystep *= 10;
		}
		size += trystep;
	}
	let oldsize = size;
	let calcvert = true;
	let fail = 0;
	do {
		if (calcvert) {
			for (let j = 0; j < n1; j++) {
				if (j + 1 !== L) {
					for (let i = 0; i < n; i++) bvec[i] = P[i][j];
					f = fn(bvec);
					if (!Number.isFinite(f)) f = BIG;
					funcount++;
					P[n1 - 1][j] = f;
				}
			}
			calcvert = false;
		}
		let VL = P[n1 - 1][L - 1];
		let VH = VL;
		let H = L;
		for (let j = 1; j <= n1; j++) {
			if (j !== L) {
				const fj = P[n1 - 1][j - 1];
				if (fj < VL) {
					L = j;
					VL = fj;
				}
				if (fj > VH) {
					H = j;
					VH = fj;
				}
			}
		}
		if (VH <= VL + convtol || VL <= abstol) break;
		for (let i = 0; i < n; i++) {
			let temp = -P[i][H - 1];
			for (let j = 0; j < n1; j++) temp += P[i][j];
			P[i][C - 1] = temp / n;
		}
		for (let i = 0; i < n; i++) bvec[i] = (1 + alpha) * P[i][C - 1] - alpha * P[i][H - 1];
		f = fn(bvec);
		if (!Number.isFinite(f)) f = BIG;
		funcount++;
		const VR = f;
		if (VR < VL) {
			P[n1 - 1][C - 1] = f;
			for (let i = 0; i < n; i++) {
				const g = gamm * bvec[i] + (1 - gamm) * P[i][C - 1];
				P[i][C - 1] = bvec[i];
				bvec[i] = g;
			}
			f = fn(bvec);
			if (!Number.isFinite(f)) f = BIG;
			funcount++;
			if (f < VR) {
				for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
				P[n1 - 1][H - 1] = f;
			} else {
				for (let i = 0; i < n; i++) P[i][H - 1] = P[i][C - 1];
				P[n1 - 1][H - 1] = VR;
			}
		} else {
			if (VR < VH) {
				for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
				P[n1 - 1][H - 1] = VR;
			}
			for (let i = 0; i < n; i++) bvec[i] = (1 - bet) * P[i][H - 1] + bet * P[i][C - 1];
			f = fn(bvec);
			if (!Number.isFinite(f)) f = BIG;
			funcount++;
			if (f < P[n1 - 1][H - 1]) {
				for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
				P[n1 - 1][H - 1] = f;
			} else if (VR >= VH) {
				calcvert = true;
				size = 0;
				for (let j = 0; j < n1; j++) {
					if (j + 1 !== L) {
						for (let i = 0; i < n; i++) {
							P[i][j] = bet * (P[i][j] - P[i][L - 1]) + P[i][L - 1];
							size += Math.abs(P[i][j] - P[i][L - 1]);
						}
					}
				}
				if (size < oldsize) {
					oldsize = size;
				} else {
					fail = 10;
					break;
				}
			}
		}
	} while (funcount <= maxit);
	const par = new Float64Array(n);
	for (let i = 0; i < n; i++) par[i] = P[i][L - 1];
	if (funcount > maxit) fail = 1;
	return {
		par,
		value: P[n1 - 1][L - 1],
		evals: funcount,
		converged: fail === 0
	};
}
