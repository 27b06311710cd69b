import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ServicePlanSchema, alignPlan, defaultPlan, packageLevel, planLines } from './service-plan';
import { DEFAULT_SEGMENTS_PARAMS, readSegmentsParams, toSegmentationParams, monthlyRate, checkSegmentsParams } from './segments-params';

describe('service plan', () => {
	it('default plans pass the schema and get lighter down the tiers', () => {
		const plan = defaultPlan('tier', ['A', 'B', 'C', 'D']);
		expect(v.safeParse(ServicePlanSchema, plan).success).toBe(true);
		const costs = plan.packages.map((p) => p.costPerCustomer);
		expect(costs).toEqual([...costs].sort((a, b) => b - a));
		expect(plan.packages[0].accountManager).toBe(true);
	});
	it('three tiers get premium, standard and light packages in order (not light and tail for B and C)', () => {
		const plan = defaultPlan('tier', ['A', 'B', 'C']);
		const [a, b, c] = plan.packages;
		expect([a.costPerCustomer, b.costPerCustomer, c.costPerCustomer]).toEqual([120, 30, 5]);
		expect(a.accountManager).toBe(true);
		expect(b.accountManager).toBe(false);
		expect(b.priorityQueue).toBe(true);
		expect(b.responseHours).toBe(24);
		expect(c.priorityQueue).toBe(false);
		expect(c.responseHours).toBe(48);
		expect(plan.packages.map((p) => p.key)).toEqual(['A', 'B', 'C']);
	});
	it('package levels: ≤ 4 groups in order, more groups in four bands, best first', () => {
		expect([0, 1].map((r) => packageLevel(r, 2))).toEqual([0, 1]);
		expect([0, 1, 2, 3].map((r) => packageLevel(r, 4))).toEqual([0, 1, 2, 3]);
		expect(packageLevel(0, 1)).toBe(0);
		const eleven = Array.from({ length: 11 }, (_, r) => packageLevel(r, 11));
		expect(eleven).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3]);
		expect(eleven).toEqual([...eleven].sort((x, y) => x - y));
	});
	it('cost vs revenue at stake: annualised revenue, customers × cost, share', () => {
		const plan = defaultPlan('tier', ['A', 'B']);
		plan.packages[0].costPerCustomer = 100;
		plan.packages[1].costPerCustomer = 10;
		const { lines, total } = planLines(
			plan,
			[
				{ key: 'A', customers: 10, revenue: 20000, predictedClv: 5000 },
				{ key: 'B', customers: 90, revenue: 10000, predictedClv: 1000 }
			],
			730
		);
		expect(lines[0]).toMatchObject({ revenueAtStake: 10000, planCost: 1000, costShare: 0.1 });
		expect(lines[1]).toMatchObject({ revenueAtStake: 5000, planCost: 900 });
		expect(total).toMatchObject({ customers: 100, revenueAtStake: 15000, planCost: 1900, predictedClv: 6000 });
		expect(lines[0].touchesPerYear).toBe(1 + 4 + 1 + 4);
	});
	it('aligning keeps edited packages and adds new keys', () => {
		const plan = defaultPlan('segment', ['Champions']);
		plan.packages[0].notes = 'VIP';
		const next = alignPlan(plan, ['Lost', 'Champions']);
		expect(next.packages.map((p) => p.key)).toEqual(['Lost', 'Champions']);
		expect(next.packages[1].notes).toBe('VIP');
	});
});

describe('segments params', () => {
	it('fills defaults and keeps valid fields of a damaged record', () => {
		expect(DEFAULT_SEGMENTS_PARAMS).toMatchObject({ scoring: 'rfm_r', rules: '0.3', tierCuts: [0.8, 0.95], horizonMonths: 12 });
		expect(readSegmentsParams({ scoring: 'quintile', tierCuts: 'bad' })).toMatchObject({ scoring: 'quintile', tierCuts: [0.8, 0.95] });
	});
	it('translates into runSegmentation options', () => {
		const p = readSegmentsParams({ analysisDate: '2006-12-31', tierCuts: [0.5, 0.8, 0.95], split: 'percentile', splitPercentile: 75 });
		const s = toSegmentationParams(p);
		expect(s.analysisDay).toBe(Date.UTC(2006, 11, 31) / 86400000);
		expect(s.tiers).toEqual({ method: 'revenue', cuts: [0.5, 0.8, 0.95], labels: ['A', 'B', 'C', 'D'] });
		expect(s.split?.x).toEqual({ kind: 'percentile', p: 75 });
		expect(monthlyRate(0.1)).toBeCloseTo(0.00797, 5);
		expect(checkSegmentsParams(readSegmentsParams({ tierCuts: [0.9, 0.5] }))).toBe('bad-tiers');
		expect(checkSegmentsParams(readSegmentsParams({ rules: 'custom' }))).toBe('no-custom-rules');
	});
});
