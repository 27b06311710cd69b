// Tiny dense-matrix and polynomial helpers for ETS (interval formulas, admissibility) and Fourier regression.
// Matrices are row-major Float64Array with explicit sizes; sizes here stay below ~60 so naive loops are fine.

export interface Mat {
	r: number;
	c: number;
	d: Float64Array;
}

export const mat = (r: number, c: number, d?: ArrayLike<number>): Mat => ({
	r,
	c,
	d: d ? Float64Array.from(d) : new Float64Array(r * c)
});
export const get = (a: Mat, i: number, j: number): number => a.d[i * a.c + j];
export const set = (a: Mat, i: number, j: number, v: number): void => {
	a.d[i * a.c + j] = v;
};

export function eye(n: number): Mat {
	const a = mat(n, n);
	for (let i = 0; i < n; i++) a.d[i * n + i] = 1;
	return a;
}

export function mul(a: Mat, b: Mat): Mat {
	const out = mat(a.r, b.c);
	for (let i = 0; i < a.r; i++) {
		for (let k = 0; k < a.c; k++) {
			const v = a.d[i * a.c + k];
			if (v === 0) continue;
			const bo = k * b.c;
			const oo = i * b.c;
			for (let j = 0; j < b.c; j++) out.d[oo + j] += v * b.d[bo + j];
		}
	}
	return out;
}

export function tr(a: Mat): Mat {
	const out = mat(a.c, a.r);
	for (let i = 0; i < a.r; i++) for (let j = 0; j < a.c; j++) out.d[j * a.r + i] = a.d[i * a.c + j];
	return out;
}

export function add(...ms: Mat[]): Mat {
	const out = mat(ms[0].r, ms[0].c);
	for (const m of ms) for (let i = 0; i < out.d.length; i++) out.d[i] += m.d[i];
	return out;
}

export function scale(a: Mat, s: number): Mat {
	const out = mat(a.r, a.c);
	for (let i = 0; i < a.d.length; i++) out.d[i] = a.d[i] * s;
	return out;
}

export function kron(a: Mat, b: Mat): Mat {
	const out = mat(a.r * b.r, a.c * b.c);
	for (let i = 0; i < a.r; i++)
		for (let j = 0; j < a.c; j++) {
			const v = a.d[i * a.c + j];
			if (v === 0) continue;
			for (let k = 0; k < b.r; k++) for (let l = 0; l < b.c; l++) out.d[(i * b.r + k) * out.c + j * b.c + l] = v * b.d[k * b.c + l];
		}
	return out;
}

/** Column-major vec(A) as a column matrix, as R's c(matrix). */
export function vec(a: Mat): Mat {
	const out = mat(a.r * a.c, 1);
	let k = 0;
	for (let j = 0; j < a.c; j++) for (let i = 0; i < a.r; i++) out.d[k++] = a.d[i * a.c + j];
	return out;
}

// scratch for rootsInsideDisk (called on every ETS likelihood evaluation; workers are single-threaded)
let SC_A = new Float64Array(32);
let SC_B = new Float64Array(32);

/**
 * True when every root of sum coef[k] z^k lies in |z| < radius (Schur–Cohn reduction on p(radius·z)).
 * Cheaper than finding roots, which matters because ETS checks this on every likelihood evaluation.
 */
export function rootsInsideDisk(coef: ArrayLike<number>, radius: number): boolean {
	let d = coef.length - 1;
	if (SC_A.length < d + 1) {
		SC_A = new Float64Array(d + 1);
		SC_B = new Float64Array(d + 1);
	}
	const a = SC_A;
	let rk = 1;
	for (let k = 0; k <= d; k++) {
		a[k] = coef[k] * rk;
		rk *= radius;
	}
	while (d > 0 && a[d] === 0) d--;
	const b = SC_B;
	while (d > 0) {
		const a0 = a[0];
		const ad = a[d];
		if (!(Math.abs(a0) < Math.abs(ad))) return false;
		for (let k = 0; k < d; k++) b[k] = ad * a[k + 1] - a0 * a[d - k - 1];
		const lead = b[d - 1];
		for (let k = 0; k < d; k++) a[k] = b[k] / lead;
		d--;
	}
	return true;
}

/** Solve the least-squares problem min ||X b - y|| via normal equations with Cholesky (small p, well-scaled columns). */
export function leastSquares(X: Float64Array[], y: ArrayLike<number>, ridge = 0): Float64Array {
	const p = X.length;
	const n = y.length;
	const A = new Float64Array(p * p);
	const r = new Float64Array(p);
	for (let i = 0; i < p; i++) {
		const xi = X[i];
		let s = 0;
		for (let t = 0; t < n; t++) s += xi[t] * y[t];
		r[i] = s;
		for (let j = 0; j <= i; j++) {
			const xj = X[j];
			let q = 0;
			for (let t = 0; t < n; t++) q += xi[t] * xj[t];
			A[i * p + j] = q;
			A[j * p + i] = q;
		}
		A[i * p + i] += ridge;
	}
	// Cholesky; a tiny jitter keeps collinear designs (e.g. all-zero dummy columns) solvable.
	const L = new Float64Array(p * p);
	for (let i = 0; i < p; i++) {
		for (let j = 0; j <= i; j++) {
			let s = A[i * p + j];
			for (let k = 0; k < j; k++) s -= L[i * p + k] * L[j * p + k];
			if (i === j) L[i * p + i] = Math.sqrt(Math.max(s, 1e-10 * (A[i * p + i] || 1)));
			else L[i * p + j] = s / L[j * p + j];
		}
	}
	const z = new Float64Array(p);
	for (let i = 0; i < p; i++) {
		let s = r[i];
		for (let k = 0; k < i; k++) s -= L[i * p + k] * z[k];
		z[i] = s / L[i * p + i];
	}
	const beta = new Float64Array(p);
	for (let i = p - 1; i >= 0; i--) {
		let s = z[i];
		for (let k = i + 1; k < p; k++) s -= L[k * p + i] * beta[k];
		beta[i] = s / L[i * p + i];
	}
	return beta;
}
