// Persona record (basic info, behaviour, psychology, value analysis, needs, custom values, scale traits); type, schema, versions.
import * as v from 'valibot';
import { BaseRecordSchema } from '../record';
import { NeedTypeSchema } from '../journey/card.schema';

export const PersonaVersions = { Initial: 1 } as const;
export const PERSONA_VERSION = PersonaVersions.Initial;

export const TIERS = ['A', 'B', 'C', 'D'] as const;
export type Tier = (typeof TIERS)[number];

const Id = v.pipe(v.string(), v.minLength(1));
const Str = v.optional(v.string(), '');
const List = v.optional(v.array(v.string()), []);
const NullNum = v.optional(v.nullable(v.pipe(v.number(), v.finite())), null);
/** 1–5 rating or unset. */
const Rating = v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))), null);

export const BasicInfoSchema = v.looseObject({
	name: v.string(),
	/** Resized photo stored as a blob in the db layer; null → generated avatar. */
	photoBlobId: v.optional(v.nullable(v.string()), null),
	/** Seed for `generateAvatar`; kept even with a photo so removing the photo gives a stable face. */
	avatarSeed: v.string(),
	/** A single age is min = max; a range leaves both; unknown is null/null. */
	ageMin: NullNum,
	ageMax: NullNum,
	gender: Str,
	occupation: Str,
	incomeBand: Str,
	education: Str,
	cityTier: Str,
	location: Str,
	familyStatus: Str,
	quote: Str,
	notes: Str
});

export const BehaviourSchema = v.looseObject({
	purchaseBehaviour: Str,
	usageHabits: Str,
	/** Channel ids from the touchpoint taxonomy (built-in or custom) or free words. */
	channelPreferences: List,
	decisionStyle: Str,
	frequency: Str,
	spend: Str,
	notes: Str
});

export const PsychologySchema = v.looseObject({
	motivations: List,
	values: Str,
	lifestyle: Str,
	interests: List,
	priceAttitude: Str,
	qualityAttitude: Str,
	serviceAttitude: Str,
	goals: List,
	frustrations: List,
	notes: Str
});

/** Figures copied from a segmentation result, cited on the card and refreshable when the data changes. */
export const SegmentSourceSchema = v.looseObject({
	datasetId: v.string(),
	analysisId: v.optional(v.nullable(v.string()), null),
	segmentKey: v.string(),
	segmentName: v.string(),
	customers: v.number(),
	/** Share of all customers and of all revenue, 0..1. */
	customerShare: NullNum,
	revenueShare: NullNum,
	medianRecencyDays: NullNum,
	medianFrequency: NullNum,
	medianMonetary: NullNum,
	currency: v.optional(v.nullable(v.string()), null),
	preferredChannel: v.optional(v.nullable(v.string()), null),
	/** When the figures were computed (ms since epoch). */
	computedAt: v.number()
});
export type SegmentSource = v.InferOutput<typeof SegmentSourceSchema>;

export const ValueAnalysisSchema = v.looseObject({
	current: Str,
	currentAmount: NullNum,
	potential: Str,
	potentialAmount: NullNum,
	spendCapacity: Rating,
	loyalty: Rating,
	influence: Rating,
	tier: v.optional(v.nullable(v.picklist(TIERS)), null),
	serviceLevel: Str,
	notes: Str,
	source: v.optional(v.nullable(SegmentSourceSchema), null)
});

export const PersonaNeedSchema = v.looseObject({ id: Id, type: NeedTypeSchema, text: v.string() });
export type PersonaNeed = v.InferOutput<typeof PersonaNeedSchema>;

export const TraitSchema = v.looseObject({
	id: Id,
	left: v.string(),
	right: v.string(),
	/** 0 = fully left, 100 = fully right. */
	value: v.pipe(v.number(), v.minValue(0), v.maxValue(100))
});
export type Trait = v.InferOutput<typeof TraitSchema>;

export const CustomValueSchema = v.union([v.string(), v.number(), v.array(v.string()), v.null()]);
export type CustomValue = v.InferOutput<typeof CustomValueSchema>;

export const PersonaSchema = v.looseObject({
	...BaseRecordSchema.entries,
	version: v.optional(v.number(), PERSONA_VERSION),
	basic: BasicInfoSchema,
	behaviour: BehaviourSchema,
	psychology: PsychologySchema,
	value: ValueAnalysisSchema,
	needs: v.optional(v.array(PersonaNeedSchema), []),
	/** fieldDefId → value; definitions live in PersonaFieldDef records of the workspace. */
	custom: v.optional(v.record(v.string(), CustomValueSchema), {}),
	traits: v.optional(v.array(TraitSchema), []),
	tags: List
});
export type Persona = v.InferOutput<typeof PersonaSchema>;
export type BasicInfo = Persona['basic'];
export type Behaviour = Persona['behaviour'];
export type Psychology = Persona['psychology'];
export type ValueAnalysis = Persona['value'];

export function parsePersona(raw: unknown): v.SafeParseResult<typeof PersonaSchema> {
	return v.safeParse(PersonaSchema, raw);
}

/** "28", "25–34", "35+" or "" — for cards, lists and CSV. */
export function formatAge(b: Pick<BasicInfo, 'ageMin' | 'ageMax'>): string {
	const { ageMin: lo, ageMax: hi } = b;
	if (lo === null && hi === null) return '';
	if (lo !== null && hi !== null) return lo === hi ? String(lo) : `${lo}–${hi}`;
	return lo !== null ? `${lo}+` : `≤${hi}`;
}
