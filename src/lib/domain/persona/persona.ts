// Creating, updating, duplicating and copying personas across workspaces; default scale traits; all pure.
import { newId as randomId, type Bilingual, type Locale } from '../record';
import type { NeedType } from '../journey/card.schema';
import { PERSONA_VERSION, type Persona, type PersonaNeed, type Trait } from './persona.schema';
import type { PersonaFieldDef } from './field-def.schema';

export interface PersonaContext {
	now?: number;
	newId?: () => string;
}
const idOf = (ctx?: PersonaContext) => ctx?.newId ?? randomId;
const nowOf = (ctx?: PersonaContext) => ctx?.now ?? Date.now();

/** Scale traits a new persona starts with (sliders; the user edits or removes them). */
export const DEFAULT_TRAITS: readonly { left: Bilingual; right: Bilingual }[] = [
	{ left: { en: 'Price-sensitive', 'zh-CN': '价格敏感' }, right: { en: 'Quality-seeking', 'zh-CN': '品质优先' } },
	{ left: { en: 'Habitual', 'zh-CN': '习惯型' }, right: { en: 'Exploring', 'zh-CN': '尝鲜型' } },
	{ left: { en: 'Self-service', 'zh-CN': '自助服务' }, right: { en: 'Personal service', 'zh-CN': '人工服务' } },
	{ left: { en: 'Online', 'zh-CN': '线上' }, right: { en: 'In store', 'zh-CN': '线下门店' } }
];

export type PersonaInit = {
	name: string;
	basic?: Partial<Persona['basic']>;
	behaviour?: Partial<Persona['behaviour']>;
	psychology?: Partial<Persona['psychology']>;
	value?: Partial<Persona['value']>;
	needs?: PersonaNeed[];
	traits?: Trait[];
	tags?: string[];
	custom?: Persona['custom'];
};

export function newPersona(workspaceId: string, init: PersonaInit, locale: Locale = 'en', ctx?: PersonaContext): Persona {
	const id = idOf(ctx);
	const now = nowOf(ctx);
	const pid = id();
	return {
		id: pid,
		workspaceId,
		createdAt: now,
		updatedAt: now,
		version: PERSONA_VERSION,
		basic: {
			name: init.name,
			photoBlobId: null,
			avatarSeed: pid,
			ageMin: null,
			ageMax: null,
			gender: '',
			occupation: '',
			incomeBand: '',
			education: '',
			cityTier: '',
			location: '',
			familyStatus: '',
			quote: '',
			notes: '',
			...init.basic
		},
		behaviour: {
			purchaseBehaviour: '',
			usageHabits: '',
			channelPreferences: [],
			decisionStyle: '',
			frequency: '',
			spend: '',
			notes: '',
			...init.behaviour
		},
		psychology: {
			motivations: [],
			values: '',
			lifestyle: '',
			interests: [],
			priceAttitude: '',
			qualityAttitude: '',
			serviceAttitude: '',
			goals: [],
			frustrations: [],
			notes: '',
			...init.psychology
		},
		value: {
			current: '',
			currentAmount: null,
			potential: '',
			potentialAmount: null,
			spendCapacity: null,
			loyalty: null,
			influence: null,
			tier: null,
			serviceLevel: '',
			notes: '',
			source: null,
			...init.value
		},
		needs: init.needs ?? [],
		custom: init.custom ?? {},
		traits: init.traits ?? DEFAULT_TRAITS.map((t) => ({ id: id(), left: t.left[locale], right: t.right[locale], value: 50 })),
		tags: init.tags ?? []
	};
}

export interface PersonaPatch {
	basic?: Partial<Persona['basic']>;
	behaviour?: Partial<Persona['behaviour']>;
	psychology?: Partial<Persona['psychology']>;
	value?: Partial<Persona['value']>;
	needs?: PersonaNeed[];
	custom?: Persona['custom'];
	traits?: Trait[];
	tags?: string[];
}

/** Section-wise merge; the previous record is the undo value (personas are one record each). */
export function updatePersona(p: Persona, patch: PersonaPatch, ctx?: PersonaContext): Persona {
	return {
		...p,
		basic: patch.basic ? { ...p.basic, ...patch.basic } : p.basic,
		behaviour: patch.behaviour ? { ...p.behaviour, ...patch.behaviour } : p.behaviour,
		psychology: patch.psychology ? { ...p.psychology, ...patch.psychology } : p.psychology,
		value: patch.value ? { ...p.value, ...patch.value } : p.value,
		needs: patch.needs ?? p.needs,
		custom: patch.custom ? { ...p.custom, ...patch.custom } : p.custom,
		traits: patch.traits ?? p.traits,
		tags: patch.tags ?? p.tags,
		updatedAt: nowOf(ctx)
	};
}

export function addNeed(p: Persona, type: NeedType, text: string, ctx?: PersonaContext): Persona {
	return updatePersona(p, { needs: [...p.needs, { id: idOf(ctx)(), type, text }] }, ctx);
}

export function setTrait(p: Persona, traitId: string, value: number, ctx?: PersonaContext): Persona {
	const clamped = Math.max(0, Math.min(100, Math.round(value)));
	return updatePersona(p, { traits: p.traits.map((t) => (t.id === traitId ? { ...t, value: clamped } : t)) }, ctx);
}

const COPY_SUFFIX: Record<Locale, string> = { en: ' (copy)', 'zh-CN': '（副本）' };

/** Duplicate in the same workspace: new ids, same photo blob (blobs are immutable, so sharing is safe). */
export function duplicatePersona(p: Persona, locale: Locale = 'en', ctx?: PersonaContext): Persona {
	const id = idOf(ctx);
	const now = nowOf(ctx);
	return {
		...structuredClone(p),
		id: id(),
		createdAt: now,
		updatedAt: now,
		basic: { ...p.basic, name: p.basic.name + COPY_SUFFIX[locale] },
		needs: p.needs.map((n) => ({ ...n, id: id() })),
		traits: p.traits.map((t) => ({ ...t, id: id() }))
	};
}

/**
 * Matches custom field definitions of another workspace by name and kind (case-insensitive);
 * definitions the target lacks are created. Returns the id mapping and the new definitions.
 */
export function mapFieldDefs(
	source: readonly PersonaFieldDef[],
	target: readonly PersonaFieldDef[],
	targetWorkspaceId: string,
	ctx?: PersonaContext
): { ids: Map<string, string>; created: PersonaFieldDef[] } {
	const id = idOf(ctx);
	const now = nowOf(ctx);
	const ids = new Map<string, string>();
	const created: PersonaFieldDef[] = [];
	const key = (d: Pick<PersonaFieldDef, 'name' | 'kind'>) => `${d.kind}\u0000${d.name.trim().toLowerCase()}`;
	const existing = new Map(target.map((d) => [key(d), d.id]));
	let order = Math.max(0, ...target.map((d) => d.order + 1));
	for (const d of source) {
		const hit = existing.get(key(d));
		if (hit) {
			ids.set(d.id, hit);
			continue;
		}
		const nd: PersonaFieldDef = { ...d, id: id(), workspaceId: targetWorkspaceId, createdAt: now, updatedAt: now, order: order++ };
		created.push(nd);
		existing.set(key(d), nd.id);
		ids.set(d.id, nd.id);
	}
	return { ids, created };
}

/**
 * Copy into another workspace: new ids, custom values re-keyed to the target's field
 * definitions (creating missing ones), and the photo blob id kept in `photoBlobId` only if the
 * caller copies the blob (pass the new blob id; null drops the photo and keeps the avatar).
 */
export function copyPersonaToWorkspace(
	p: Persona,
	targetWorkspaceId: string,
	defs: { source: readonly PersonaFieldDef[]; target: readonly PersonaFieldDef[] },
	opts: { photoBlobId?: string | null } = {},
	ctx?: PersonaContext
): { persona: Persona; createdFieldDefs: PersonaFieldDef[] } {
	const id = idOf(ctx);
	const now = nowOf(ctx);
	const used = defs.source.filter((d) => d.id in p.custom);
	const { ids, created } = mapFieldDefs(used, defs.target, targetWorkspaceId, ctx);
	const custom = Object.fromEntries(
		Object.entries(p.custom)
			.filter(([k]) => ids.has(k))
			.map(([k, v]) => [ids.get(k)!, v])
	);
	return {
		persona: {
			...structuredClone(p),
			id: id(),
			workspaceId: targetWorkspaceId,
			createdAt: now,
			updatedAt: now,
			basic: { ...p.basic, photoBlobId: opts.photoBlobId ?? null },
			// Dataset ids are workspace-local: the citation stays as text, but cannot refresh there.
			value: { ...p.value },
			needs: p.needs.map((n) => ({ ...n, id: id() })),
			traits: p.traits.map((t) => ({ ...t, id: id() })),
			custom
		},
		createdFieldDefs: created
	};
}

/** Search over name, occupation, quote, tags and needs; case-insensitive, every word must match. */
export function matchesPersona(p: Persona, query: string, filter: { tier?: string | null; tag?: string | null } = {}): boolean {
	if (filter.tier && p.value.tier !== filter.tier) return false;
	if (filter.tag && !p.tags.includes(filter.tag)) return false;
	const hay = [p.basic.name, p.basic.occupation, p.basic.quote, p.basic.location, ...p.tags, ...p.needs.map((n) => n.text)]
		.join(' ')
		.toLowerCase();
	return query
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((w) => hay.includes(w));
}
