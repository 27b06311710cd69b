// Persona JSON file (export/import with remapped ids and coded errors) and CSV export of all personas.
import Papa from 'papaparse';
import * as v from 'valibot';
import type { Err } from '../errors';
import { FORMULA_CHARS } from '../journey/export';
import type { Locale } from '../record';
import { channelLabel, type CustomChannel } from '../touchpoint/channels';
import { formatCustomValue, PersonaFieldDefSchema, type PersonaFieldDef } from './field-def.schema';
import { copyPersonaToWorkspace, type PersonaContext } from './persona';
import { formatAge, PersonaSchema, PERSONA_VERSION, type Persona } from './persona.schema';

export const PERSONA_FILE_FORMAT = 'cx-studio.persona';
export const PERSONA_FILE_VERSION = 1;

export interface PersonaFile {
	formatName: typeof PERSONA_FILE_FORMAT;
	formatVersion: number;
	schemaVersion: number;
	exportedAt: string;
	personas: Persona[];
	/** Definitions of the custom fields the personas use, so values keep their meaning elsewhere. */
	fieldDefs: PersonaFieldDef[];
	/** Optional photos as data URLs, keyed by the personas' photoBlobId (the UI reads the blobs). */
	photos?: Record<string, string>;
}

export function exportPersonaFile(
	personas: readonly Persona[],
	fieldDefs: readonly PersonaFieldDef[],
	opts: { photos?: Record<string, string>; now?: number } = {}
): string {
	const used = new Set(personas.flatMap((p) => Object.keys(p.custom)));
	const photos = Object.fromEntries(Object.entries(opts.photos ?? {}).filter(([k]) => personas.some((p) => p.basic.photoBlobId === k)));
	const file: PersonaFile = {
		formatName: PERSONA_FILE_FORMAT,
		formatVersion: PERSONA_FILE_VERSION,
		schemaVersion: PERSONA_VERSION,
		exportedAt: new Date(opts.now ?? Date.now()).toISOString(),
		personas: [...personas],
		fieldDefs: fieldDefs.filter((d) => used.has(d.id)),
		...(Object.keys(photos).length ? { photos } : {})
	};
	return JSON.stringify(file, null, 2);
}

export type PersonaImportCode = 'not-json' | 'wrong-format' | 'newer-version' | 'invalid-record';
export type PersonaImportResult =
	| {
			ok: true;
			personas: Persona[];
			/** Field definitions the target workspace lacks; save them with the personas. */
			fieldDefs: PersonaFieldDef[];
			/** Photos to store as blobs, keyed by the new personas' photoBlobId. */
			photos: Record<string, string>;
	  }
	| Err<PersonaImportCode>;

const path = (issues: v.BaseIssue<unknown>[]) => (v.getDotPath(issues[0]) ?? '').toString();

/** Reads a persona file into `workspaceId`; custom fields merge with `existingDefs` by name and kind. Never throws. */
export function importPersonaFile(
	text: string,
	workspaceId: string,
	existingDefs: readonly PersonaFieldDef[] = [],
	ctx?: PersonaContext
): PersonaImportResult {
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		return { ok: false, code: 'not-json', detail: { message: e instanceof Error ? e.message : String(e) } };
	}
	const env = raw as Partial<PersonaFile> | null;
	if (!env || typeof env !== 'object' || env.formatName !== PERSONA_FILE_FORMAT || typeof env.formatVersion !== 'number')
		return { ok: false, code: 'wrong-format', detail: { formatName: (env as { formatName?: unknown } | null)?.formatName ?? null } };
	if (env.formatVersion > PERSONA_FILE_VERSION || (env.schemaVersion ?? 0) > PERSONA_VERSION)
		return { ok: false, code: 'newer-version', detail: { fileVersion: env.formatVersion, supported: PERSONA_FILE_VERSION } };
	if (!Array.isArray(env.personas)) return { ok: false, code: 'invalid-record', detail: { record: 'personas', path: 'personas' } };
	const defs: PersonaFieldDef[] = [];
	for (const [i, d] of (Array.isArray(env.fieldDefs) ? env.fieldDefs : []).entries()) {
		const r = v.safeParse(PersonaFieldDefSchema, d);
		if (!r.success)
			return {
				ok: false,
				code: 'invalid-record',
				detail: { record: 'fieldDef', index: i, path: path(r.issues), message: r.issues[0].message }
			};
		defs.push(r.output);
	}
	const personas: Persona[] = [];
	const created: PersonaFieldDef[] = [];
	const photos: Record<string, string> = {};
	const newId = ctx?.newId ?? (() => crypto.randomUUID());
	for (const [i, p] of env.personas.entries()) {
		const r = v.safeParse(PersonaSchema, p);
		if (!r.success)
			return {
				ok: false,
				code: 'invalid-record',
				detail: { record: 'persona', index: i, path: path(r.issues), message: r.issues[0].message }
			};
		const photo = r.output.basic.photoBlobId ? env.photos?.[r.output.basic.photoBlobId] : undefined;
		const photoBlobId = typeof photo === 'string' && photo.startsWith('data:image/') ? newId() : null;
		if (photoBlobId) photos[photoBlobId] = photo!;
		const copy = copyPersonaToWorkspace(
			r.output,
			workspaceId,
			{ source: defs, target: [...existingDefs, ...created] },
			{ photoBlobId },
			ctx
		);
		created.push(...copy.createdFieldDefs);
		personas.push(copy.persona);
	}
	return { ok: true, personas, fieldDefs: created, photos };
}

const CSV_HEADERS: Record<Locale, string[]> = {
	en: [
		'name',
		'age',
		'gender',
		'occupation',
		'income band',
		'education',
		'city tier',
		'location',
		'family status',
		'quote',
		'purchase behaviour',
		'usage habits',
		'channels',
		'decision style',
		'frequency',
		'spend',
		'motivations',
		'values',
		'lifestyle',
		'interests',
		'price attitude',
		'quality attitude',
		'service attitude',
		'goals',
		'frustrations',
		'current value',
		'potential value',
		'tier',
		'service level',
		'source',
		'explicit needs',
		'expected needs',
		'implicit needs',
		'traits',
		'tags'
	],
	'zh-CN': [
		'姓名',
		'年龄',
		'性别',
		'职业',
		'收入区间',
		'学历',
		'城市级别',
		'所在地',
		'家庭状况',
		'一句话',
		'购买行为',
		'使用习惯',
		'渠道偏好',
		'决策方式',
		'消费频次',
		'消费金额',
		'动机',
		'价值观',
		'生活方式',
		'兴趣',
		'对价格的态度',
		'对品质的态度',
		'对服务的态度',
		'目标',
		'困扰',
		'当前价值',
		'潜在价值',
		'价值等级',
		'服务等级',
		'数据来源',
		'显性需求',
		'期望需求',
		'隐性需求',
		'特质',
		'标签'
	]
};

/** All personas, one row each, with one column per custom field; UTF-8 BOM; formula-safe. */
export function personasCsv(
	personas: readonly Persona[],
	fieldDefs: readonly PersonaFieldDef[] = [],
	locale: Locale = 'en',
	customChannels: readonly CustomChannel[] = []
): string {
	const defs = [...fieldDefs].sort((a, b) => a.order - b.order);
	const list = (xs: readonly string[]) => xs.join('; ');
	const rows = personas.map((p) => {
		const needs = (t: string) => list(p.needs.filter((n) => n.type === t).map((n) => n.text));
		return [
			p.basic.name,
			formatAge(p.basic),
			p.basic.gender,
			p.basic.occupation,
			p.basic.incomeBand,
			p.basic.education,
			p.basic.cityTier,
			p.basic.location,
			p.basic.familyStatus,
			p.basic.quote,
			p.behaviour.purchaseBehaviour,
			p.behaviour.usageHabits,
			list(p.behaviour.channelPreferences.map((c) => channelLabel(c, locale, customChannels))),
			p.behaviour.decisionStyle,
			p.behaviour.frequency,
			p.behaviour.spend,
			list(p.psychology.motivations),
			p.psychology.values,
			p.psychology.lifestyle,
			list(p.psychology.interests),
			p.psychology.priceAttitude,
			p.psychology.qualityAttitude,
			p.psychology.serviceAttitude,
			list(p.psychology.goals),
			list(p.psychology.frustrations),
			p.value.current,
			p.value.potential,
			p.value.tier ?? '',
			p.value.serviceLevel,
			p.value.source ? `${p.value.source.segmentName} (n=${p.value.source.customers})` : '',
			needs('explicit'),
			needs('expected'),
			needs('implicit'),
			list(p.traits.map((t) => `${t.left}–${t.right}: ${t.value}`)),
			list(p.tags),
			...defs.map((d) => formatCustomValue(d, p.custom[d.id]))
		];
	});
	return (
		'\uFEFF' +
		Papa.unparse(
			{ fields: [...CSV_HEADERS[locale], ...defs.map((d) => d.name)], data: rows },
			{ escapeFormulae: FORMULA_CHARS, newline: '\r\n' }
		)
	);
}
