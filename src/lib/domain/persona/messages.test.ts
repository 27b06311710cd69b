// @vitest-environment node
import { describe, expect, it } from 'vitest';
import en from '../../i18n/messages/persona.en.json';
import zh from '../../i18n/messages/persona.zh-CN.json';
import { NEED_TYPES } from '../journey/card.schema';
import { FIELD_KINDS } from './field-def.schema';
import { BasicInfoSchema, BehaviourSchema, PsychologySchema, TIERS, ValueAnalysisSchema } from './persona.schema';

const E = en as Record<string, string>;

describe('persona messages', () => {
	it('have the same keys in both languages, all under persona.', () => {
		expect(Object.keys(zh).sort()).toEqual(Object.keys(E).sort());
		expect(Object.keys(E).every((k) => k.startsWith('persona.'))).toBe(true);
	});

	it('label every field of every section, tiers, need types, field kinds and file errors', () => {
		const skip = new Set(['photoBlobId', 'avatarSeed', 'ageMin', 'ageMax']);
		const fields = [BasicInfoSchema, BehaviourSchema, PsychologySchema, ValueAnalysisSchema]
			.flatMap((s) => Object.keys(s.entries))
			.filter((f) => !skip.has(f));
		const needed = [
			...fields.map((f) => `persona.field.${f}`),
			...['basic', 'behaviour', 'psychology', 'value', 'needs', 'custom', 'traits'].map((s) => `persona.section.${s}`),
			...TIERS.map((t) => `persona.tier.${t}`),
			...NEED_TYPES.map((t) => `persona.needType.${t}`),
			...FIELD_KINDS.map((t) => `persona.fieldKind.${t}`),
			...['not-json', 'wrong-format', 'newer-version', 'invalid-record'].map((c) => `persona.error.${c}`)
		];
		expect(needed.filter((k) => !(k in E))).toEqual([]);
	});
});
