// Erlang C/A staffing checked against the pyworkforce README example and the Erlang A → Erlang C limit.
import { describe, expect, it } from 'vitest';
import { erlangAMetrics, erlangB, erlangC, erlangCMetrics, requiredAgents } from './erlang';
import { planFromForecast, staffingPlan } from './plan';

const ref = {
	contacts: 100,
	intervalSeconds: 30 * 60,
	ahtSeconds: 180,
	targetSeconds: 20
};

describe('Erlang C', () => {
	it('matches the pyworkforce README example (100 contacts/30 min, AHT 3 min, 80% in 20 s, 30% shrinkage)', () => {
		const r = requiredAgents(ref, {
			serviceLevel: 0.8,
			shrinkage: 0.3,
			maxOccupancy: 0.85
		});
		expect(r.rawAgents).toBe(14);
		expect(r.scheduled).toBe(20);
		expect(r.serviceLevel).toBeCloseTo(0.88835, 5);
		expect(r.occupancy).toBeCloseTo(0.71429, 5);
		expect(r.pWait).toBeCloseTo(0.17413, 5);
	});

	it('stays finite and sensible for 1,600+ contacts per interval', () => {
		const q = {
			contacts: 1800,
			intervalSeconds: 900,
			ahtSeconds: 300,
			targetSeconds: 20
		};
		const r = requiredAgents(q, { serviceLevel: 0.8 });
		expect(r.rawAgents).toBeGreaterThan(600);
		expect(r.rawAgents).toBeLessThan(640);
		expect(Number.isFinite(r.asa)).toBe(true);
		expect(erlangCMetrics(r.rawAgents - 1, q).serviceLevel).toBeLessThan(0.8);
	});

	it('Erlang B recursion agrees with the factorial formula for small cases', () => {
		// B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2
		expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
		expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
		expect(erlangC(5, 6)).toBe(1);
	});
});

describe('Erlang A', () => {
	it('with infinite patience equals Erlang C', () => {
		for (const n of [11, 12, 14, 20]) {
			const c = erlangCMetrics(n, ref);
			const a = erlangAMetrics(n, ref, Infinity);
			expect(a.pWait).toBeCloseTo(c.pWait, 9);
			expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
			expect(a.asa).toBeCloseTo(c.asa, 6);
			expect(a.pAbandon).toBe(0);
		}
	});

	it('approaches Erlang C as patience grows, and abandonment lowers waits', () => {
		const c = erlangCMetrics(12, ref);
		const a = erlangAMetrics(12, ref, 1e9);
		expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
		const impatient = erlangAMetrics(12, ref, 60);
		expect(impatient.pAbandon).toBeGreaterThan(0);
		expect(impatient.asa).toBeLessThan(c.asa);
	});

	it('is defined when agents ≤ traffic (abandonment keeps the queue stable)', () => {
		const m = erlangAMetrics(8, ref, 120);
		expect(m.pAbandon).toBeGreaterThan(0.05);
		expect(m.pAbandon).toBeLessThan(1);
		expect(m.serviceLevel).toBeGreaterThanOrEqual(0);
	});

	it('honours a maximum abandonment constraint', () => {
		const loose = requiredAgents(ref, {
			serviceLevel: 0.5,
			patienceSeconds: 90
		});
		const strict = requiredAgents(ref, {
			serviceLevel: 0.5,
			patienceSeconds: 90,
			maxAbandon: 0.005
		});
		expect(strict.pAbandon).toBeLessThanOrEqual(0.005);
		expect(strict.rawAgents).toBeGreaterThanOrEqual(loose.rawAgents);
	});
});

describe('robustness', () => {
	it('never staffs below the offered load, even with a huge finite patience', () => {
		const q = { contacts: 1600, intervalSeconds: 1800, ahtSeconds: 300, targetSeconds: 20 };
		const r = requiredAgents(q, { serviceLevel: 0.8, patienceSeconds: 1e9 });
		expect(r.agents).toBeGreaterThan((1600 * 300) / 1800);
	});
});

describe('staffing plan', () => {
	it('turns an interval forecast into rows and totals', () => {
		const plan = staffingPlan(
			[
				{ start: '09:00', contacts: 100 },
				{ start: '09:30', contacts: 0 },
				{ start: '10:00', contacts: -3 }
			],
			{
				intervalSeconds: 1800,
				ahtSeconds: 180,
				targetSeconds: 20,
				serviceLevel: 0.8,
				shrinkage: 0.3
			}
		);
		expect(plan.rows.map((r) => r.scheduled)).toEqual([20, 0, 0]);
		expect(plan.totals.peakScheduled).toBe(20);
		expect(plan.totals.agentHours).toBeCloseTo(7, 9);
	});

	it('staffs a forecast, optionally on its upper 80% bound', () => {
		const f = { mean: [100, 50], hi80: [130, 70] };
		const o = { intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 };
		const a = planFromForecast(f, ['09:00', '09:30'], o);
		const b = planFromForecast(f, ['09:00', '09:30'], o, 'hi80');
		expect(a.rows[0].rawAgents).toBe(14);
		expect(b.rows[0].rawAgents).toBeGreaterThan(14);
		expect(b.rows[1].start).toBe('09:30');
	});
});
