// Card record: one sticky in a (lane, step) cell, with evidence level, need type, links and votes; type, schema, versions.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';

export const CardVersions = { Initial: 1 } as const;
export const CARD_VERSION = CardVersions.Initial;

export const EVIDENCE_LEVELS = ['assumption', 'observed', 'measured'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** 显性 / 期望 / 隐性需求 — shared with personas' needs. */
export const NEED_TYPES = ['explicit', 'expected', 'implicit'] as const;
export type NeedType = (typeof NEED_TYPES)[number];
export const NeedTypeSchema = v.picklist(NEED_TYPES);

export const CardSchema = v.looseObject({
	...BaseRecordSchema.entries,
	version: v.optional(v.number(), CARD_VERSION),
	journeyId: v.pipe(v.string(), v.minLength(1)),
	laneId: v.pipe(v.string(), v.minLength(1)),
	stepId: v.pipe(v.string(), v.minLength(1)),
	/** Position inside its cell; edits keep each cell numbered 0..n-1. */
	order: v.number(),
	text: v.string(),
	/** A CSS colour token or null for the lane's default colour. */
	colour: v.nullable(v.string()),
	evidence: v.picklist(EVIDENCE_LEVELS),
	/** Only meaningful on need cards; null elsewhere. */
	needType: v.nullable(NeedTypeSchema),
	/** Link into the touchpoint register. */
	touchpointId: v.nullable(v.string()),
	/** Need cards this card serves (e.g. an opportunity addressing a need). */
	needIds: v.array(v.string()),
	/**
	 * On a pain-point card: the opportunity cards answering it. Stored on one side only so the
	 * link cannot disagree with itself; `linkedPainPoints` derives the other direction.
	 */
	opportunityIds: v.array(v.string()),
	votes: v.pipe(v.number(), v.integer(), v.minValue(0))
});
export type Card = v.InferOutput<typeof CardSchema>;

export function parseCard(raw: unknown): v.SafeParseResult<typeof CardSchema> {
	return v.safeParse(CardSchema, raw);
}

/** Pain-point cards that list `opportunityId` — the reverse of `Card.opportunityIds`. */
export function linkedPainPoints(cards: readonly Card[], opportunityId: string): Card[] {
	return cards.filter((c) => c.opportunityIds.includes(opportunityId));
}
