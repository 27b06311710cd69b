// @vitest-environment node
import { describe, expect, it } from 'vitest';
import en from '../../i18n/messages/touchpoint.en.json';
import zh from '../../i18n/messages/touchpoint.zh-CN.json';
import { BUILT_IN_CHANNELS, STANDARD_STAGES } from './channels';
import { CHECK_METHODS, DIMENSIONS, FREQUENCIES, OPERATORS, UNITS, UNIT_KEY } from './touchpoint.schema';
import { REGISTER_FIELDS, type RegisterErrorCode } from './register-csv';

const E = en as Record<string, string>;
const Z = zh as Record<string, string>;

describe('touchpoint messages', () => {
	it('have the same keys in both languages, all under touchpoint.', () => {
		expect(Object.keys(Z).sort()).toEqual(Object.keys(E).sort());
		expect(Object.keys(E).every((k) => k.startsWith('touchpoint.'))).toBe(true);
	});

	it('cover taxonomy, dimensions, checks, units, statuses, fields and import errors', () => {
		const codes: RegisterErrorCode[] = [
			'parse-error',
			'empty-file',
			'missing-column',
			'ragged-row',
			'missing-name',
			'unknown-channel',
			'bad-side',
			'bad-dimension',
			'bad-target',
			'bad-unit',
			'bad-operator',
			'bad-check-method',
			'bad-frequency',
			'bad-date',
			'bad-number',
			'bad-process',
			'conflicting-touchpoint'
		];
		const needed = [
			...BUILT_IN_CHANNELS.map((c) => `touchpoint.channel.${c.id}`),
			...STANDARD_STAGES.map((s) => `touchpoint.stage.${s.key}`),
			...DIMENSIONS.map((d) => `touchpoint.dimension.${d}`),
			...OPERATORS.map((d) => `touchpoint.operator.${d}`),
			...OPERATORS.map((d) => `touchpoint.target.${d}`),
			...CHECK_METHODS.map((d) => `touchpoint.check.${d}`),
			...FREQUENCIES.map((d) => `touchpoint.frequency.${d}`),
			...UNITS.map((u) => `touchpoint.unit.${UNIT_KEY[u]}`),
			...['green', 'amber', 'red', 'unknown'].map((s) => `touchpoint.status.${s}`),
			...['differentOperators', 'differentUnits', 'spread', 'missingTarget'].map((s) => `touchpoint.consistency.${s}`),
			...REGISTER_FIELDS.map((f) => `touchpoint.field.${f}`),
			...codes.map((c) => `touchpoint.import.error.${c}`)
		];
		expect(needed.filter((k) => !(k in E))).toEqual([]);
	});

	it('channel labels in the domain match the UI messages', () => {
		for (const c of BUILT_IN_CHANNELS) {
			const label = c.label as { en: string; 'zh-CN': string };
			expect([label.en, label['zh-CN']]).toEqual([E[`touchpoint.channel.${c.id}`], Z[`touchpoint.channel.${c.id}`]]);
		}
	});
});
