// Pareto/ABC tiers: closed-form cases and fast-check invariants (partition, shares sum to 100%).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ABC, ABCD, ABC_HEADCOUNT, assignTiers, paretoStats, tierTable, validateTierScheme, type TierScheme } from './pareto';

describe('Pareto statistics', () => {
	it('is flat for equal spend: top 20% make 20%, Gini 0', () => {
		const s = paretoStats(new Float64Array(100).fill(7));
		expect(s.top20RevenueShare).toBeCloseTo(0.2, 12);
		expect(s.customersFor80Share).toBeCloseTo(0.8, 12);
		expect(s.gini).toBeCloseTo(0, 12);
		expect(s.lorenz[0]).toEqual({ customers: 0, revenue: 0 });
		expect(s.lorenz.at(-1)).toEqual({ customers: 1, revenue: 1 });
	});

	it('matches hand figures for one big spender among ten', () => {
		const v = [91, 1, 1, 1, 1, 1, 1, 1, 1, 1]; // total 100
		const s = paretoStats(v);
		expect(s.top20RevenueShare).toBeCloseTo(0.92, 12);
		expect(s.customersFor80Share).toBeCloseTo(80 / 91 / 10, 12);
		// Lorenz L(i/10) = i/100 for i ≤ 9, L(1) = 1: area = 81/2000 + 0.0545 = 0.095 ⇒ Gini 0.81
		expect(s.gini).toBeCloseTo(0.81, 12);
	});

	it('assigns ABC by revenue share with the crossing customer in A', () => {
		const v = [50, 30, 10, 5, 3, 2]; // cum before: 0, .5, .8, .9, .95, .98
		const t = assignTiers(v, ABC);
		expect(
			Array.from(t.index)
				.map((i) => t.labels[i])
				.join('')
		).toBe('AABBCC');
		const d = assignTiers(v, ABCD);
		expect(
			Array.from(d.index)
				.map((i) => d.labels[i])
				.join('')
		).toBe('ABCCDD');
	});

	it('assigns by headcount percentile', () => {
		const v = Array.from({ length: 10 }, (_, i) => 10 - i);
		const t = assignTiers(v, ABC_HEADCOUNT);
		expect(
			Array.from(t.index)
				.map((i) => t.labels[i])
				.join('')
		).toBe('AABBBCCCCC');
	});

	it('rejects inconsistent schemes', () => {
		expect(validateTierScheme({ method: 'revenue', cuts: [0.8, 0.5], labels: ['A', 'B', 'C'] })).not.toBeNull();
		expect(validateTierScheme({ method: 'revenue', cuts: [0.8], labels: ['A'] })).not.toBeNull();
		expect(validateTierScheme(ABCD)).toBeNull();
	});
});

describe('invariants (fast-check)', () => {
	const scheme = fc.oneof(
		fc.constant(ABC),
		fc.constant(ABCD),
		fc.constant(ABC_HEADCOUNT),
		fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }).chain((cuts) =>
			fc.constantFrom<'revenue' | 'headcount'>('revenue', 'headcount').map((method): TierScheme => ({
				method,
				cuts: cuts.sort((a, b) => a - b).map((c) => c / 100),
				labels: Array.from({ length: cuts.length + 1 }, (_, i) => `T${i}`)
			}))
		)
	);
	const spends = fc.array(
		fc.oneof(
			// Money comes in cents: subnormal floats like 3e-323 are not spends (their shares underflow).
			fc.double({ min: -50, max: 1e6, noNaN: true }).map((x) => Math.round(x * 100) / 100),
			fc.constant(0),
			fc.integer({ min: 1, max: 9 })
		),
		{
			minLength: 1,
			maxLength: 300
		}
	);

	it('tiers partition customers and both share columns sum to 100%', () => {
		fc.assert(
			fc.property(spends, scheme, (v, s) => {
				const tiers = assignTiers(v, s);
				const rows = tierTable(v, tiers);
				const customers = rows.reduce((a, r) => a + r.customers, 0);
				const head = rows.reduce((a, r) => a + r.headcountShare, 0);
				const rev = rows.reduce((a, r) => a + r.revenueShare, 0);
				const anyRevenue = v.some((x) => x > 0);
				return (
					customers === v.length &&
					Array.from(tiers.index).every((i) => i < s.labels.length) &&
					Math.abs(head - 1) < 1e-9 &&
					(anyRevenue ? Math.abs(rev - 1) < 1e-9 : rev === 0)
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('better customers never land in a worse tier', () => {
		fc.assert(
			fc.property(spends, scheme, (v, s) => {
				const t = assignTiers(v, s);
				for (let i = 0; i < v.length; i++)
					for (let j = 0; j < v.length; j++) if (Math.max(v[i], 0) > Math.max(v[j], 0) && t.index[i] > t.index[j]) return false;
				return true;
			}),
			{ numRuns: 100 }
		);
	});

	it('Gini lies in [0, 1) and the Lorenz curve is monotone below the diagonal', () => {
		fc.assert(
			fc.property(spends, (v) => {
				const s = paretoStats(v);
				if (s.revenue === 0) return s.gini === 0; // shares undefined without revenue
				if (s.gini < -1e-12 || s.gini >= 1) return false;
				for (let i = 1; i < s.lorenz.length; i++) {
					const p = s.lorenz[i - 1],
						q = s.lorenz[i];
					if (q.revenue < p.revenue - 1e-12 || q.revenue > q.customers + 1e-9) return false;
				}
				return s.top20RevenueShare >= 0.2 - 1e-9 && s.top20RevenueShare <= 1 + 1e-9;
			}),
			{ numRuns: 200 }
		);
	});
});
