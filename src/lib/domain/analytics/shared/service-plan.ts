// Tiered service plan: a service package per tier or segment (manager, priority, response target, care calendar, cost) and its cost vs revenue at stake.
import * as v from 'valibot';

export const CARE_OCCASIONS = ['birthday', 'holiday', 'anniversary', 'monthly', 'quarterly', 'afterPurchase'] as const;
export const CARE_ACTIONS = ['visit', 'call', 'event', 'gift', 'message'] as const;
export type CareOccasion = (typeof CARE_OCCASIONS)[number];
export type CareAction = (typeof CARE_ACTIONS)[number];

/** How many times a year each occasion comes round (holidays: the main festivals, about four). */
export const OCCASIONS_PER_YEAR: Record<CareOccasion, number> = {
	birthday: 1,
	holiday: 4,
	anniversary: 1,
	monthly: 12,
	quarterly: 4,
	afterPurchase: 1
};

export const CareItemSchema = v.object({
	occasion: v.picklist(CARE_OCCASIONS),
	action: v.picklist(CARE_ACTIONS)
});
export type CareItem = v.InferOutput<typeof CareItemSchema>;

const money = v.pipe(v.number(), v.minValue(0), v.maxValue(1e9));

export const ServicePackageSchema = v.object({
	/** Tier label (A, B…) or segment key (Champions…). */
	key: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
	accountManager: v.optional(v.boolean(), false),
	priorityQueue: v.optional(v.boolean(), false),
	/** Response-time target in hours; null = best effort. */
	responseHours: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(10000))), null),
	care: v.optional(v.pipe(v.array(CareItemSchema), v.maxLength(20)), []),
	/** Yearly cost of the package per customer (currency units). */
	costPerCustomer: v.optional(money, 0),
	notes: v.optional(v.pipe(v.string(), v.maxLength(500)), '')
});
export type ServicePackage = v.InferOutput<typeof ServicePackageSchema>;

export const ServicePlanSchema = v.object({
	basis: v.picklist(['tier', 'segment']),
	packages: v.pipe(v.array(ServicePackageSchema), v.maxLength(100))
});
export type ServicePlan = v.InferOutput<typeof ServicePlanSchema>;

/**
 * Which preset (0 premium, 1 standard, 2 light, 3 tail) the group at `rank` (0 = best) of `of` groups gets.
 * Up to four groups take the presets in order (ABC → premium, standard, light; ABCD → all four); more groups
 * (segments) share them in four equal bands, best first.
 */
export function packageLevel(rank: number, of: number): number {
	const r = Math.max(0, Math.min(rank, of - 1));
	if (of <= 4) return Math.min(3, r);
	return Math.min(3, Math.floor((r * 4) / of));
}

/** A sensible starting plan: generous for the best tier, light-touch for the tail. */
export function defaultPackage(key: string, rank: number, of: number): ServicePackage {
	const level = packageLevel(rank, of);
	const presets: ServicePackage[] = [
		{
			key,
			accountManager: true,
			priorityQueue: true,
			responseHours: 4,
			care: [
				{ occasion: 'birthday', action: 'gift' },
				{ occasion: 'holiday', action: 'event' },
				{ occasion: 'anniversary', action: 'call' },
				{ occasion: 'quarterly', action: 'visit' }
			],
			costPerCustomer: 120,
			notes: ''
		},
		{
			key,
			accountManager: false,
			priorityQueue: true,
			responseHours: 24,
			care: [
				{ occasion: 'birthday', action: 'gift' },
				{ occasion: 'holiday', action: 'message' }
			],
			costPerCustomer: 30,
			notes: ''
		},
		{
			key,
			accountManager: false,
			priorityQueue: false,
			responseHours: 48,
			care: [{ occasion: 'birthday', action: 'message' }],
			costPerCustomer: 5,
			notes: ''
		},
		{
			key,
			accountManager: false,
			priorityQueue: false,
			responseHours: 72,
			care: [{ occasion: 'holiday', action: 'message' }],
			costPerCustomer: 1,
			notes: ''
		}
	];
	return structuredClone(presets[Math.min(3, level)]);
}

export function defaultPlan(basis: 'tier' | 'segment', keys: readonly string[]): ServicePlan {
	return { basis, packages: keys.map((k, i) => defaultPackage(k, i, keys.length)) };
}

/** Keeps the packages that exist for `keys` and adds defaults for new keys, in `keys` order. */
export function alignPlan(plan: ServicePlan, keys: readonly string[]): ServicePlan {
	const byKey = new Map(plan.packages.map((p) => [p.key, p]));
	return { basis: plan.basis, packages: keys.map((k, i) => byKey.get(k) ?? defaultPackage(k, i, keys.length)) };
}

export interface GroupFigures {
	key: string;
	customers: number;
	/** Revenue of the group over the analysed history. */
	revenue: number;
	/** Predicted CLV of the group over the horizon, when the model was fitted. */
	predictedClv: number | null;
}

export interface PlanLine {
	key: string;
	customers: number;
	/** Revenue per year at stake: the group's history annualised (revenue × 365 / days of history). */
	revenueAtStake: number;
	predictedClv: number | null;
	/** customers × costPerCustomer (per year). */
	planCost: number;
	/** planCost / revenueAtStake (null when no revenue). */
	costShare: number | null;
	/** Care touches per customer per year from the calendar. */
	touchesPerYear: number;
}

export function planLines(plan: ServicePlan, groups: readonly GroupFigures[], historyDays: number): { lines: PlanLine[]; total: PlanLine } {
	const perYear = historyDays > 0 ? 365 / historyDays : 1;
	const byKey = new Map(plan.packages.map((p) => [p.key, p]));
	const lines = groups.map((g): PlanLine => {
		const p = byKey.get(g.key);
		const revenueAtStake = g.revenue * perYear;
		const planCost = g.customers * (p?.costPerCustomer ?? 0);
		return {
			key: g.key,
			customers: g.customers,
			revenueAtStake,
			predictedClv: g.predictedClv,
			planCost,
			costShare: revenueAtStake > 0 ? planCost / revenueAtStake : null,
			touchesPerYear: (p?.care ?? []).reduce((s, c) => s + OCCASIONS_PER_YEAR[c.occasion], 0)
		};
	});
	const sum = (f: (l: PlanLine) => number) => lines.reduce((s, l) => s + f(l), 0);
	const revenueAtStake = sum((l) => l.revenueAtStake);
	const planCost = sum((l) => l.planCost);
	const clvKnown = lines.every((l) => l.predictedClv !== null);
	return {
		lines,
		total: {
			key: '',
			customers: sum((l) => l.customers),
			revenueAtStake,
			predictedClv: clvKnown ? sum((l) => l.predictedClv ?? 0) : null,
			planCost,
			costShare: revenueAtStake > 0 ? planCost / revenueAtStake : null,
			touchesPerYear: 0
		}
	};
}
