// Special functions for the CLV models: log-gamma and the Gauss hypergeometric 2F1 (series + 1−z transform).

// Lanczos approximation (g = 7, n = 9); relative error ≈ 1e-15 over the positive reals, which is
// well beyond what the likelihoods need and avoids pulling in a numerics package.
const LANCZOS_G = 7;
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
	-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection for x < 0.5). */
export function lgamma(x: number): number {
	if (x < 0.5) {
		// Γ(x)Γ(1−x) = π / sin(πx)
		return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
	}
	const z = x - 1;
	let a = LANCZOS[0];
	const t = z + LANCZOS_G + 0.5;
	for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
	return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Plain power series Σ (a)_k (b)_k / (c)_k z^k / k!; fine for |z| ≲ 0.9. */
function hyp2f1Series(a: number, b: number, c: number, z: number, maxTerms = 200_000): number {
	let term = 1;
	let sum = 1;
	for (let k = 0; k < maxTerms; k++) {
		term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
		sum += term;
		if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
	}
	return sum;
}

/**
 * ₂F₁(a, b; c; z) for real parameters and 0 ≤ z < 1 (the BG/NBD range z = t/(α+t)).
 * Near z = 1 the series crawls, so for z > 0.9 use the 1−z connection formula (Abramowitz & Stegun 15.3.6)
 * unless c−a−b is (nearly) an integer, where that formula degenerates and the long series is used instead.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if (z === 0) return 1;
	if (z < 0) {
		// Pfaff: ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), maps z<0 into [0,1).
		return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
	}
	const s = c - a - b;
	if (z <= 0.9 || Math.abs(s - Math.round(s)) < 1e-6) return hyp2f1Series(a, b, c, z);
	const w = 1 - z;
	const t1 = gammaRatio([c, s], [c - a, c - b]) * hyp2f1Series(a, b, 1 - s, w);
	const t2 = Math.pow(w, s) * gammaRatio([c, -s], [a, b]) * hyp2f1Series(c - a, c - b, s + 1, w);
	const out = t1 + t2;
	// With huge b and c (a BG/NBD fit where almost nobody drops out: a, b → ∞) the connection terms overflow
	// and cancel into NaN/∞; the plain series still converges for z < 1, so fall back to it.
	return Number.isFinite(out) ? out : hyp2f1Series(a, b, c, z);
}

/** Π Γ(num) / Π Γ(den) computed in log space with signs, so large arguments do not overflow. */
function gammaRatio(num: number[], den: number[]): number {
	let logAbs = 0;
	let sign = 1;
	for (const x of num) {
		logAbs += lgamma(x);
		sign *= gammaSign(x);
	}
	for (const x of den) {
		logAbs -= lgamma(x);
		sign *= gammaSign(x);
	}
	return sign * Math.exp(logAbs);
}

function gammaSign(x: number): number {
	if (x > 0) return 1;
	return Math.floor(x) % 2 === 0 ? 1 : -1;
}
