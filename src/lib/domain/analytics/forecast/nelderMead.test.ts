// The R-style Nelder–Mead finds textbook minima.
import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelderMead';
import { qnorm } from './numeric';
import { rootsInsideDisk } from './linalg';

describe('numerics', () => {
	it('minimises the Rosenbrock function', () => {
		const r = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxit: 5000, reltol: 1e-12 });
		expect(r.par[0]).toBeCloseTo(1, 2);
		expect(r.par[1]).toBeCloseTo(1, 2);
	});
	it('normal quantiles and the Schur–Cohn root test', () => {
		expect(qnorm(0.975)).toBeCloseTo(1.959963985, 8);
		expect(qnorm(0.1)).toBeCloseTo(-1.281551566, 8);
		expect(rootsInsideDisk([0.25, -1, 1], 1)).toBe(true); // (z-0.5)^2
		expect(rootsInsideDisk([-2, 1], 1)).toBe(false); // z = 2
	});
});
