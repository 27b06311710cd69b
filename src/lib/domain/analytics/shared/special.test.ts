// Checks lgamma, 2F1 (both branches), type-7 quantiles and Nelder–Mead against closed forms.
import { describe, expect, it } from 'vitest';
import { hyp2f1, lgamma } from './special';
import { quantileType7, rProbabilities } from './quantile';
import { nelderMead } from './optimize';
import { compareCustomerIds, parseIsoDay, formatIsoDay } from './transactions';

describe('special functions', () => {
	it('lgamma matches factorials and Γ(1/2) = √π', () => {
		expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
		expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
		expect(lgamma(171)).toBeCloseTo(706.5731, 3); // ln(170!)
	});

	it('2F1 matches closed forms on both sides of z = 0.9', () => {
		// 2F1(1,1;2;z) = −ln(1−z)/z ; 2F1(a,b;b;z) = (1−z)^(−a)
		for (const z of [0.1, 0.5, 0.89, 0.95, 0.999]) {
			expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 9);
			expect(hyp2f1(0.3, 1.7, 1.7, z)).toBeCloseTo(Math.pow(1 - z, -0.3), 9);
			// c−a−b non-integer → connection-formula branch above 0.9
			const a = 0.243,
				b = 2.426,
				c = 0.793 + 2.426 - 1;
			let term = 1,
				sum = 1;
			for (let k = 0; k < 400_000; k++) {
				term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
				sum += term;
				if (Math.abs(term) < 1e-17 * sum) break;
			}
			expect(hyp2f1(a, b, c, z) / sum).toBeCloseTo(1, 9);
		}
	});
	it('stays finite for a degenerate BG/NBD fit (a, b in the millions) above z = 0.9', () => {
		// Parameters a small sample's fit reached (almost nobody drops out): the connection formula overflows.
		const r = 0.505,
			a = 236221.313,
			b = 5015921.36;
		for (const z of [0.91, 0.95, 0.99]) {
			const v = hyp2f1(r, b, a + b - 1, z);
			expect(Number.isFinite(v)).toBe(true);
			// b/c → 0.955: ₂F₁ ≈ (1 − (b/c)·z)^(−r)
			expect(v / Math.pow(1 - (b / (a + b - 1)) * z, -r)).toBeCloseTo(1, 2);
		}
	});
});

describe('R quantile type 7', () => {
	it('uses R’s probabilities and interpolation', () => {
		expect(rProbabilities(5)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
		const x = Float64Array.from([1, 2, 3, 4, 10]);
		expect(quantileType7(x, 0.5)).toBe(3);
		expect(quantileType7(x, 0.9)).toBeCloseTo(7.6, 12);
		expect(quantileType7(x, 0)).toBe(1);
		expect(quantileType7(x, 1)).toBe(10);
	});
});

describe('Nelder–Mead', () => {
	it('minimises the Rosenbrock function', () => {
		const r = nelderMead(([a, b]) => (1 - a) ** 2 + 100 * (b - a * a) ** 2, [-1.2, 1], { maxIterations: 5000, xTol: 1e-10, fTol: 1e-14 });
		expect(r.x[0]).toBeCloseTo(1, 4);
		expect(r.x[1]).toBeCloseTo(1, 4);
	});
});

describe('ids and days', () => {
	it('compares numeric ids as numbers and round-trips ISO days', () => {
		expect(compareCustomerIds('9', '10')).toBeLessThan(0);
		expect(compareCustomerIds('00010', '9')).toBeGreaterThan(0);
		expect(compareCustomerIds('b', 'a')).toBeGreaterThan(0);
		expect(formatIsoDay(parseIsoDay('2006-12-31'))).toBe('2006-12-31');
		expect(parseIsoDay('19970101')).toBe(parseIsoDay('1997-01-01'));
		expect(parseIsoDay('2006-02-31')).toBeNaN();
	});
});
