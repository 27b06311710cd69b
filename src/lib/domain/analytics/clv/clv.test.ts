// Checks BG/NBD, Gamma-Gamma and the holdout forecast against Fader, Hardie & Lee (2005) / Fader & Hardie (2013) on CDNOW.
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../../../tests/fixtures/segmentation/load';
import { readCdnow } from '../shared/text-input';
import { parseIsoDay, toColumns } from '../shared/transactions';
import { bgnbdLogLikelihood, conditionalExpectedPurchases, expectedPurchases, fitBgNbd, probabilityAlive } from './bgnbd';
import { conditionalExpectedSpend, fitGammaGamma } from './gammagamma';
import { calibrationHoldout, customerLifetimeValue } from './clv';
import { rfSummary } from './summary';

// Hardie's calibration summary: ID, x, t_x, T (weeks), zbar (mean repeat spend).
const hardie = fixtureText('cdnow_customers_summary_with_transactions.csv')
	.trim()
	.split(/\r?\n/)
	.slice(1)
	.map((l) => l.split(',').map(Number));
const x = Float64Array.from(hardie, (r) => r[1]);
const tx = Float64Array.from(hardie, (r) => r[2]);
const T = Float64Array.from(hardie, (r) => r[3]);
const zbar = Float64Array.from(hardie, (r) => r[4]);
const fit = fitBgNbd({ x, tx, T });

describe('BG/NBD on the CDNOW sample (weeks 1–39)', () => {
	it('finds the published MLE: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4', () => {
		const { r, alpha, a, b } = fit.params;
		expect(r).toBeCloseTo(0.243, 3);
		expect(alpha).toBeCloseTo(4.414, 2);
		expect(a).toBeCloseTo(0.793, 3);
		expect(b).toBeCloseTo(2.426, 2);
		expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.1);
	});

	it('reproduces E[X(t)] from Hardie’s spreadsheet', () => {
		const ts = [0.1429, 1, 3, 31.8571, 32, 78];
		const published = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
		ts.forEach((t, i) => {
			// lifetimes checks these to 3 decimals; the first five agree to the published 4.
			const tol = i < 5 ? 5e-5 : 1e-3;
			expect(Math.abs(expectedPurchases(fit.params, t) - published[i]), `t=${t}`).toBeLessThanOrEqual(tol);
		});
	});

	it('E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226', () => {
		expect(conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
	});

	it('P(alive) is 1 without repeats and falls with a long silence', () => {
		expect(probabilityAlive(fit.params, 0, 0, 38.86)).toBe(1);
		const recent = probabilityAlive(fit.params, 5, 38, 38.86);
		const silent = probabilityAlive(fit.params, 5, 5, 38.86);
		expect(recent).toBeGreaterThan(silent);
		expect(silent).toBeGreaterThan(0);
	});

	it('log-likelihood is invariant to row order (weights from compression)', () => {
		const rev = (a: Float64Array) => Float64Array.from(a).reverse();
		expect(bgnbdLogLikelihood(fit.params, { x: rev(x), tx: rev(tx), T: rev(T) })).toBeCloseTo(fit.logLikelihood, 6);
	});
});

describe('Raw CDNOW_sample transactions', () => {
	const { tx: raw } = readCdnow(fixtureText('CDNOW_sample.txt'));
	const calEnd = parseIsoDay('1997-09-30');

	it('summarise to Hardie’s x, t_x, T and zbar for all 2,357 customers', () => {
		const s = rfSummary(raw, { endDay: calEnd, unit: 'weeks' });
		expect(s.x.length).toBe(2357);
		let mismatches = 0;
		for (let i = 0; i < s.x.length; i++) {
			const row = hardie[Number(raw.customerIds[s.code[i]]) - 1];
			const same =
				row[1] === s.x[i] &&
				Math.abs(row[2] - s.tx[i]) < 0.006 &&
				Math.abs(row[3] - s.T[i]) < 0.006 &&
				Math.abs(row[4] - s.mean[i]) < 0.006;
			if (!same) mismatches++;
		}
		expect(mismatches).toBe(0);
	});

	it('holdout weeks 40–78: cumulative forecast ≈ 4% under actual', () => {
		const { rows, fit: f } = calibrationHoldout(raw, {
			calibrationEndDay: calEnd,
			endDay: parseIsoDay('1998-06-30'),
			unit: 'weeks'
		});
		expect(rows.length).toBe(78);
		expect(f.params.r).toBeCloseTo(0.243, 2);
		expect(rows[38].actualCumulative).toBe(2457); // Σx in calibration
		expect(rows[38].holdout).toBe(false);
		expect(rows[39].holdout).toBe(true);
		const last = rows[77];
		const gap = (last.predictedCumulative - last.actualCumulative) / last.actualCumulative;
		expect(gap).toBeLessThan(-0.03);
		expect(gap).toBeGreaterThan(-0.05);
	});

	it('fits in days too, with α scaled by 7 and the same r, a, b', () => {
		const s = rfSummary(raw, { endDay: calEnd, unit: 'days' });
		const d = fitBgNbd(s);
		const w = fitBgNbd(rfSummary(raw, { endDay: calEnd, unit: 'weeks' }));
		expect(d.params.r).toBeCloseTo(w.params.r, 3);
		expect(d.params.alpha / 7).toBeCloseTo(w.params.alpha, 1);
		expect(d.params.b).toBeCloseTo(w.params.b, 2);
	});
});

describe('Gamma-Gamma on the 946 repeat buyers', () => {
	const gg = fitGammaGamma(x, zbar);
	it('finds p = 6.25, q = 3.74, γ = 15.44', () => {
		expect(gg.n).toBe(946);
		expect(gg.params.p).toBeCloseTo(6.25, 2);
		expect(gg.params.q).toBeCloseTo(3.74, 2);
		expect(Math.abs(gg.params.gamma - 15.44)).toBeLessThan(0.01);
	});

	it('shrinks a customer’s mean spend toward the population mean', () => {
		const pop = conditionalExpectedSpend(gg.params, 0, 0);
		const one = conditionalExpectedSpend(gg.params, 1, 100);
		const many = conditionalExpectedSpend(gg.params, 20, 100);
		expect(one).toBeGreaterThan(pop);
		expect(many).toBeGreaterThan(one);
		expect(many).toBeLessThan(100);
	});

	it('CLV equals the undiscounted sum when the discount rate is 0 and discounts otherwise', () => {
		const undiscounted = customerLifetimeValue(fit.params, gg.params, 2, 30.43, 38.86, 22.35, 'weeks', {
			discountRate: 0,
			periods: 9,
			periodLength: 39 / 9
		});
		const spend = conditionalExpectedSpend(gg.params, 2, 22.35);
		expect(undiscounted).toBeCloseTo(spend * conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86), 8);
		const discounted = customerLifetimeValue(fit.params, gg.params, 2, 30.43, 38.86, 22.35, 'weeks', {
			discountRate: 0.01,
			periods: 9,
			periodLength: 39 / 9,
			margin: 0.3
		});
		expect(discounted).toBeLessThan(0.3 * undiscounted);
	});
});

describe('same-day purchases', () => {
	it('count once in x and their spends add up', () => {
		const t = toColumns([
			{ customerId: 'a', day: 0, amount: 10 },
			{ customerId: 'a', day: 7, amount: 5 },
			{ customerId: 'a', day: 7.5, amount: 15 },
			{ customerId: 'a', day: 14, amount: 40 }
		]);
		const s = rfSummary(t, { endDay: 21, unit: 'weeks' });
		expect([s.x[0], s.tx[0], s.T[0], s.mean[0]]).toEqual([2, 2, 3, 30]);
	});
});
