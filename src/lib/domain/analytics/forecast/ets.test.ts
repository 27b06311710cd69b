// ETS checked against R forecast 8.20 on ten M3 monthly series: model chosen by AICc, likelihoods, forecasts and intervals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoEts, etsForecast, etsName, fitEtsModel, candidateSpecs, type EtsSpec } from './ets';

interface RFit {
	par: Record<string, number>;
	lik: number;
	aicc: number;
	mean: number[];
	lo95: number[];
	hi95: number[];
}
interface RSeries {
	id: string;
	train: number[];
	ets: {
		method: string;
		aicc: number;
		mean: number[];
		lo80: number[];
		hi80: number[];
		lo95: number[];
		hi95: number[];
	};
	specs: Record<string, RFit>;
}
const ref = JSON.parse(readFileSync('tests/fixtures/forecast/m3-monthly-r-reference.json', 'utf8')) as { series: Record<string, RSeries> };
const series = Object.values(ref.series);
const specOf = (k: string): EtsSpec => ({
	error: k[0] as 'A' | 'M',
	trend: k[1] as 'N' | 'A',
	damped: k.includes('d'),
	season: k[k.length - 1] as 'N' | 'A' | 'M'
});
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('ETS vs R forecast::ets', () => {
	it.each(series.map((s) => [s.id, s] as const))('%s: same AICc choice, forecasts and intervals', (_id, s) => {
		const fit = autoEts(s.train, 12)!;
		expect(etsName(fit.spec)).toBe(s.ets.method);
		expect(fit.aicc).toBeCloseTo(s.ets.aicc, 2);
		const f = etsForecast(fit, 18);
		for (let i = 0; i < 18; i++) {
			expect(rel(f.mean[i], s.ets.mean[i])).toBeLessThan(1e-5);
			expect(rel(f.lo80[i], s.ets.lo80[i])).toBeLessThan(1e-4);
			expect(rel(f.hi95[i], s.ets.hi95[i])).toBeLessThan(1e-4);
		}
	});

	it('fixed forms (ANN … MAdM) reach R likelihoods and parameters', () => {
		for (const s of series.slice(0, 4)) {
			for (const [k, r] of Object.entries(s.specs)) {
				const g = fitEtsModel(s.train, 12, specOf(k))!;
				expect(g, `${s.id} ${k}`).not.toBeNull();
				expect(Math.abs(g.lik - r.lik), `${s.id} ${k}`).toBeLessThan(1e-3);
				expect(g.par.alpha).toBeCloseTo(r.par.alpha, 3);
				const f = etsForecast(g, 18);
				// class 1/2/3 variance formulas: the 18-step 95% bound is the most sensitive figure
				expect(rel(f.hi95[17], r.hi95[17]), `${s.id} ${k}`).toBeLessThan(2e-3);
			}
		}
	});

	it('restricts candidates like R: no A-error with M-season, no multiplicative forms for non-positive data', () => {
		const pos = candidateSpecs([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 4);
		expect(pos.length).toBe(15);
		expect(pos.some((s) => s.error === 'A' && s.season === 'M')).toBe(false);
		const withZero = candidateSpecs([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 4);
		expect(withZero.every((s) => s.error === 'A' && s.season !== 'M')).toBe(true);
		expect(
			candidateSpecs(
				new Array(100).fill(1).map((_, i) => i + 1),
				168
			).every((s) => s.season === 'N')
		).toBe(true);
	});
});
