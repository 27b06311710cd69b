// Turns a per-interval contact forecast into a staffing plan table (raw agents, scheduled staff and expected service).

import { requiredAgents, type StaffingTarget, type StaffingResult } from './erlang';

export interface PlanInterval {
	/** label or ISO start of the interval, passed through */
	start: string;
	/** forecast contacts in the interval (point forecast or an upper quantile for cautious plans) */
	contacts: number;
}

export interface PlanOptions extends StaffingTarget {
	intervalSeconds: number;
	ahtSeconds: number;
	targetSeconds: number;
}

export interface PlanRow extends StaffingResult {
	start: string;
	contacts: number;
}

export interface StaffingPlan {
	rows: PlanRow[];
	totals: {
		contacts: number;
		agentHours: number;
		scheduledHours: number;
		peakScheduled: number;
		weightedServiceLevel: number;
	};
}

/** Staff every interval independently; forecasts are rounded to non-negative values because queues cannot take negatives. */
export function staffingPlan(intervals: readonly PlanInterval[], o: PlanOptions): StaffingPlan {
	const rows: PlanRow[] = [];
	let contacts = 0;
	let agentSec = 0;
	let schedSec = 0;
	let peak = 0;
	let slw = 0;
	for (const iv of intervals) {
		const c = Number.isFinite(iv.contacts) ? Math.max(0, iv.contacts) : 0;
		const r = requiredAgents(
			{
				contacts: c,
				intervalSeconds: o.intervalSeconds,
				ahtSeconds: o.ahtSeconds,
				targetSeconds: o.targetSeconds
			},
			o
		);
		rows.push({ ...r, start: iv.start, contacts: c });
		contacts += c;
		agentSec += r.rawAgents * o.intervalSeconds;
		schedSec += r.scheduled * o.intervalSeconds;
		peak = Math.max(peak, r.scheduled);
		slw += r.serviceLevel * c;
	}
	return {
		rows,
		totals: {
			contacts,
			agentHours: agentSec / 3600,
			scheduledHours: schedSec / 3600,
			peakScheduled: peak,
			weightedServiceLevel: contacts > 0 ? slw / contacts : 1
		}
	};
}

/** Staff a forecast directly; `basis: 'hi80'` plans for the upper 80% bound, a common cautious choice for short intervals. */
export function planFromForecast(
	f: { mean: ArrayLike<number>; hi80: ArrayLike<number> },
	starts: readonly string[],
	o: PlanOptions,
	basis: 'mean' | 'hi80' = 'mean'
): StaffingPlan {
	const src = basis === 'hi80' ? f.hi80 : f.mean;
	const intervals: PlanInterval[] = [];
	for (let i = 0; i < src.length; i++) intervals.push({ start: starts[i] ?? String(i + 1), contacts: src[i] });
	return staffingPlan(intervals, o);
}
