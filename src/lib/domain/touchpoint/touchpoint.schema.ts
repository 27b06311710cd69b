// Touchpoint record: channel, stages, owner, front/backstage, standard service process and service standards; type, schema, versions.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';

export const TouchpointVersions = { Initial: 1 } as const;
export const TOUCHPOINT_VERSION = TouchpointVersions.Initial;

/** 服务态度 / 服务内容 / 服务时效 / 服务环境 */
export const DIMENSIONS = ['attitude', 'content', 'timeliness', 'environment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const UNITS = ['s', 'min', 'h', '%', 'count', 'score'] as const;
export type Unit = (typeof UNITS)[number];
export const UnitSchema = v.picklist(UNITS);
/** i18n key suffix per unit (`touchpoint.unit.<key>`); `%` is not a friendly key. */
export const UNIT_KEY: Record<Unit, string> = { s: 's', min: 'min', h: 'h', '%': 'percent', count: 'count', score: 'score' };

export const OPERATORS = ['gte', 'lte', 'eq', 'range'] as const;
export type Operator = (typeof OPERATORS)[number];

export const CHECK_METHODS = ['mysteryShopping', 'callRecordingReview', 'customerFeedback', 'employeeFeedback'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'adHoc'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const Id = v.pipe(v.string(), v.minLength(1));
const Num = v.pipe(v.number(), v.finite());

/** A measurable target: "≥ 80 %", "≤ 20 s", "= 5 count" or "between 2 and 5 min". */
export const TargetSchema = v.pipe(
	v.looseObject({
		op: v.picklist(OPERATORS),
		value: Num,
		/** Upper bound, only for `range` (value is the lower bound). */
		max: v.optional(v.nullable(Num)),
		unit: UnitSchema
	}),
	v.check((t) => t.op !== 'range' || (typeof t.max === 'number' && t.max >= t.value), 'range needs max ≥ value')
);
export type Target = v.InferOutput<typeof TargetSchema>;

export const QualityCheckSchema = v.looseObject({
	method: v.picklist(CHECK_METHODS),
	frequency: v.picklist(FREQUENCIES)
});
export type QualityCheck = v.InferOutput<typeof QualityCheckSchema>;

export const MeasurementSchema = v.looseObject({
	/** Calendar day, ISO `YYYY-MM-DD`. */
	date: v.pipe(v.string(), v.isoDate()),
	value: Num,
	/** Unit the value was entered in; defaults to the target's unit. */
	unit: v.optional(v.nullable(UnitSchema))
});
export type Measurement = v.InferOutput<typeof MeasurementSchema>;

export const StandardSchema = v.looseObject({
	id: Id,
	dimension: v.picklist(DIMENSIONS),
	/** What is measured, e.g. "first response time"; lines standards up across channels. */
	metric: v.optional(v.string(), ''),
	/** The standard as written: clear, concise, observable, realistic. */
	text: v.string(),
	target: v.nullable(TargetSchema),
	check: v.nullable(QualityCheckSchema),
	measurements: v.array(MeasurementSchema)
});
export type Standard = v.InferOutput<typeof StandardSchema>;

export const ProcessStepSchema = v.looseObject({
	id: Id,
	who: v.string(),
	what: v.string(),
	expectedTime: v.nullable(v.looseObject({ value: Num, unit: UnitSchema }))
});
export type ProcessStep = v.InferOutput<typeof ProcessStepSchema>;

export const TouchpointSchema = v.looseObject({
	...BaseRecordSchema.entries,
	version: v.optional(v.number(), TOUCHPOINT_VERSION),
	name: v.string(),
	/** A built-in channel id (see channels.ts) or a custom channel record id. */
	channelId: v.string(),
	/** Stage keys (`before` / `during` / `after`) or the user's own stage names. */
	stages: v.array(v.string()),
	owner: v.string(),
	side: v.picklist(['frontstage', 'backstage']),
	process: v.array(ProcessStepSchema),
	standards: v.array(StandardSchema),
	notes: v.optional(v.string(), '')
});
export type Touchpoint = v.InferOutput<typeof TouchpointSchema>;

export function parseTouchpoint(raw: unknown): v.SafeParseResult<typeof TouchpointSchema> {
	return v.safeParse(TouchpointSchema, raw);
}
