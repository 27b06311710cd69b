// Journey record: header, phases, stages with their steps (the columns), lanes and emotion curves; type, schema, versions.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';
import { LaneTypeSchema } from './lanes';

/** Named versions of the stored journey shape (like tldraw's record versions); bump and migrate on change. */
export const JourneyVersions = { Initial: 1 } as const;
export const JOURNEY_VERSION = JourneyVersions.Initial;

const Id = v.pipe(v.string(), v.minLength(1));

export const JOURNEY_STATUSES = ['as-is', 'to-be'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];
export const JOURNEY_KINDS = ['journey', 'blueprint', 'both'] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

/** −3 … +3 in half steps: integers are what workshops use, halves let a facilitator split the difference. */
export const EmotionScoreSchema = v.pipe(
	v.number(),
	v.minValue(-3),
	v.maxValue(3),
	v.check((n) => Number.isInteger(n * 2), 'score must be a whole or half number')
);

export const StepSchema = v.looseObject({ id: Id, name: v.string() });
export type Step = v.InferOutput<typeof StepSchema>;

export const StageSchema = v.looseObject({
	id: Id,
	name: v.string(),
	/** Optional grouping of stages into phases; null = ungrouped. */
	phaseId: v.nullable(v.string()),
	/** The columns of the map. A stage always keeps at least one step so it has cells. */
	steps: v.pipe(v.array(StepSchema), v.minLength(1))
});
export type Stage = v.InferOutput<typeof StageSchema>;

export const PhaseSchema = v.looseObject({ id: Id, name: v.string() });
export type Phase = v.InferOutput<typeof PhaseSchema>;

export const LaneSchema = v.looseObject({
	id: Id,
	type: LaneTypeSchema,
	/** Overrides the default label (required in practice for custom lanes). */
	name: v.nullable(v.string()),
	hidden: v.boolean()
});
export type Lane = v.InferOutput<typeof LaneSchema>;

export const EmotionCurveSchema = v.looseObject({
	id: Id,
	/** Linked persona record, or null for a free-text persona (`label`). */
	personaId: v.nullable(v.string()),
	label: v.string(),
	/** stepId → score; a missing step means "not scored yet" (the coverage check reports it). */
	scores: v.record(v.string(), EmotionScoreSchema)
});
export type EmotionCurve = v.InferOutput<typeof EmotionCurveSchema>;

export const JourneySchema = v.looseObject({
	...BaseRecordSchema.entries,
	version: v.optional(v.number(), JOURNEY_VERSION),
	title: v.string(),
	kind: v.optional(v.picklist(JOURNEY_KINDS), 'journey'),
	personaIds: v.array(v.string()),
	/** Free-text persona until a persona record is linked. */
	personaText: v.string(),
	scenario: v.string(),
	goal: v.string(),
	owner: v.string(),
	status: v.picklist(JOURNEY_STATUSES),
	/** For a to-be map: the as-is map it was created from. */
	basedOn: v.nullable(v.string()),
	phases: v.array(PhaseSchema),
	/** Ordered left to right. */
	stages: v.array(StageSchema),
	/** Ordered top to bottom; array order is the lane order. */
	lanes: v.array(LaneSchema),
	emotionCurves: v.array(EmotionCurveSchema),
	/**
	 * Map from a to-be step to the as-is step it replaces, kept when a to-be map is created so
	 * the comparison survives renames and reorders in either map.
	 */
	basedOnSteps: v.optional(v.record(v.string(), v.string()), {})
});
export type Journey = v.InferOutput<typeof JourneySchema>;

export function parseJourney(raw: unknown): v.SafeParseResult<typeof JourneySchema> {
	return v.safeParse(JourneySchema, raw);
}

/** All steps left to right, each with its stage — the column list the canvas renders. */
export function columns(j: Pick<Journey, 'stages'>): { stage: Stage; step: Step; stageIndex: number }[] {
	const out: { stage: Stage; step: Step; stageIndex: number }[] = [];
	j.stages.forEach((stage, stageIndex) => {
		for (const step of stage.steps) out.push({ stage, step, stageIndex });
	});
	return out;
}

export function findStep(j: Pick<Journey, 'stages'>, stepId: string): { stage: Stage; step: Step } | null {
	for (const stage of j.stages) {
		const step = stage.steps.find((s) => s.id === stepId);
		if (step) return { stage, step };
	}
	return null;
}
