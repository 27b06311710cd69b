// Journey template: shipped (bilingual) or user-saved map skeletons with example cards; type, schema, versions.
import * as v from 'valibot';
import { BaseRecordSchema, type Bilingual } from '../record';
import { EVIDENCE_LEVELS, NeedTypeSchema } from './card.schema';
import { EmotionScoreSchema, JOURNEY_KINDS } from './journey.schema';
import { LaneTypeSchema } from './lanes';

export const TemplateVersions = { Initial: 1 } as const;

/** Shipped templates carry both languages; a user's own template holds the text they typed. */
export const TextSchema = v.union([v.string(), v.looseObject({ en: v.string(), 'zh-CN': v.string() })]);
export type Text = string | Bilingual;

export const TemplateCardSchema = v.looseObject({
	/** Indexes into the template's stages / their steps / lanes. */
	stage: v.pipe(v.number(), v.integer(), v.minValue(0)),
	step: v.pipe(v.number(), v.integer(), v.minValue(0)),
	lane: v.pipe(v.number(), v.integer(), v.minValue(0)),
	text: TextSchema,
	needType: v.optional(v.nullable(NeedTypeSchema)),
	evidence: v.optional(v.picklist(EVIDENCE_LEVELS)),
	colour: v.optional(v.nullable(v.string())),
	/** On pain points: indexes of opportunity cards in this template's card list. */
	opportunities: v.optional(v.array(v.number()))
});
export type TemplateCard = v.InferOutput<typeof TemplateCardSchema>;

export const JourneyTemplateBodySchema = v.looseObject({
	name: TextSchema,
	description: TextSchema,
	kind: v.picklist(JOURNEY_KINDS),
	personaText: v.optional(TextSchema),
	scenario: v.optional(TextSchema),
	goal: v.optional(TextSchema),
	lanes: v.array(v.looseObject({ type: LaneTypeSchema, name: v.optional(v.nullable(TextSchema)), hidden: v.optional(v.boolean()) })),
	stages: v.array(v.looseObject({ name: TextSchema, phase: v.optional(TextSchema), steps: v.array(TextSchema) })),
	cards: v.array(TemplateCardSchema),
	/** One score (or null) per step column, left to right, for the first emotion curve. */
	emotions: v.optional(v.array(v.nullable(EmotionScoreSchema)))
});
export type JourneyTemplateBody = v.InferOutput<typeof JourneyTemplateBodySchema>;

/** A shipped template has a stable id; a saved one is a workspace record. */
export type JourneyTemplate = JourneyTemplateBody & { id: string; builtIn: boolean };

export const JourneyTemplateRecordSchema = v.looseObject({
	...BaseRecordSchema.entries,
	version: v.optional(v.number(), TemplateVersions.Initial),
	builtIn: v.literal(false),
	...JourneyTemplateBodySchema.entries
});
export type JourneyTemplateRecord = v.InferOutput<typeof JourneyTemplateRecordSchema>;
