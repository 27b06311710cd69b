// A saved forecast analysis's parameters (validated on read, defaults filled in) and the defaults for a new one.
import * as v from 'valibot';
import { CONTACT_INTERVALS } from '$lib/domain/dataset/fields';
import type { MethodName } from '$lib/domain/analytics/forecast';
import type { StaffParams } from './forecast.core';

/** Methods offered in the UI (the engine has a few more for benchmarks). */
export const UI_METHODS = ['auto', 'snaive', 'ets', 'damped', 'theta', 'mseasonal'] as const satisfies readonly MethodName[];

export const StaffParamsSchema = v.object({
	serviceLevel: v.optional(v.pipe(v.number(), v.minValue(0.05), v.maxValue(0.999)), 0.8),
	targetSeconds: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(3600)), 20),
	ahtSeconds: v.optional(v.pipe(v.number(), v.minValue(5), v.maxValue(7200)), 240),
	maxOccupancy: v.optional(v.pipe(v.number(), v.minValue(0.3), v.maxValue(1)), 0.85),
	shrinkage: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(0.8)), 0.3),
	model: v.optional(v.picklist(['erlang-c', 'erlang-a']), 'erlang-c'),
	patienceSeconds: v.optional(v.pipe(v.number(), v.minValue(5), v.maxValue(3600)), 120),
	maxAbandon: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))), 0.05),
	basis: v.optional(v.picklist(['mean', 'hi80']), 'mean'),
	openFrom: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)), 9 * 60),
	openTo: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)), 21 * 60),
	slotMinutes: v.optional(v.picklist([15, 30, 60]), 30)
});

export const ForecastParamsSchema = v.object({
	source: v.optional(v.picklist(['dataset', 'paste']), 'dataset'),
	pasteText: v.optional(v.string(), ''),
	/** which rows: all, or one channel / queue value */
	seriesField: v.optional(v.nullable(v.picklist(['channel', 'queue'])), null),
	seriesValue: v.optional(v.nullable(v.string()), null),
	interval: v.optional(v.picklist(CONTACT_INTERVALS), 'day'),
	/** history window, YYYY-MM-DD (inclusive), null = from the start / to the end */
	from: v.optional(v.nullable(v.string()), null),
	to: v.optional(v.nullable(v.string()), null),
	/** horizon in intervals */
	horizon: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000)), 28),
	method: v.optional(v.picklist(UI_METHODS), 'auto'),
	useEvents: v.optional(v.boolean(), true),
	staffing: v.optional(StaffParamsSchema, {})
});
export type ForecastParams = v.InferOutput<typeof ForecastParamsSchema>;

/** Read stored params leniently: anything invalid falls back to its default, field by field. */
export function readParams(raw: unknown): ForecastParams {
	const base = v.parse(ForecastParamsSchema, {});
	if (!raw || typeof raw !== 'object') return base;
	const out: Record<string, unknown> = { ...base };
	for (const [k, val] of Object.entries(raw as Record<string, unknown>)) {
		if (!(k in base)) continue;
		const trial = v.safeParse(ForecastParamsSchema, { [k]: val });
		if (trial.success) out[k] = (trial.output as Record<string, unknown>)[k];
	}
	const staffing = v.safeParse(StaffParamsSchema, (raw as Record<string, unknown>).staffing ?? {});
	out.staffing = staffing.success ? staffing.output : base.staffing;
	return out as ForecastParams;
}

export const defaultParams = (): ForecastParams => readParams({});

/** Default horizon per interval: four weeks of days, one week of intraday slots, a quarter of weeks, 18 months. */
export function defaultHorizon(interval: ForecastParams['interval']): number {
	switch (interval) {
		case 'month':
			return 18;
		case 'week':
			return 13;
		case 'day':
			return 28;
		default:
			return (1440 / parseInt(interval, 10)) * 7;
	}
}

export const staffParams = (p: ForecastParams): StaffParams => p.staffing as StaffParams;
