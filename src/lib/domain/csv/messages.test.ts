// @vitest-environment node
// Every import error code, kind and field has an ICU message in en and zh-CN, with the same keys and placeholders.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import en from '../../i18n/messages/import.en.json';
import zh from '../../i18n/messages/import.zh-CN.json';
import { IMPORT_ERROR_CODES } from './issues';
import { CONTACT_INTERVALS, DATASET_KINDS, KIND_FIELDS } from '../dataset/fields';
import { CSV_ENCODINGS } from './decode';
import { DATE_FORMATS } from './dates';

const E = en as Record<string, string>;
const Z = zh as Record<string, string>;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe('import messages', () => {
	it('both locales have the same keys, all starting with import.', () => {
		expect(Object.keys(Z).sort()).toEqual(Object.keys(E).sort());
		for (const k of Object.keys(E)) expect(k.startsWith('import.')).toBe(true);
	});
	it('every error code, kind, field, encoding, date format and interval has a message', () => {
		const need = [
			...IMPORT_ERROR_CODES.map((c) => `import.error.${c}`),
			...DATASET_KINDS.map((k) => `import.kind.${k}`),
			...Object.values(KIND_FIELDS).flatMap((fs) => fs.map((f) => `import.field.${f.key}`)),
			...CSV_ENCODINGS.map((e) => `import.encoding.${e}`),
			...DATE_FORMATS.map((f) => `import.dateFormat.${f}`),
			...CONTACT_INTERVALS.map((i) => `import.interval.${i}`)
		];
		for (const k of need) {
			expect(E[k], k).toBeTruthy();
			expect(Z[k], k).toBeTruthy();
		}
	});
	it('messages are valid ICU with the same placeholders in both languages', () => {
		for (const [k, msg] of Object.entries(E)) {
			expect(placeholders(Z[k]), k).toEqual(placeholders(msg));
			const values = Object.fromEntries(placeholders(msg).map((p) => [p, 2]));
			expect(() => new IntlMessageFormat(msg, 'en').format(values), k).not.toThrow();
			expect(() => new IntlMessageFormat(Z[k], 'zh-CN').format(values), k).not.toThrow();
		}
		expect(
			new IntlMessageFormat(E['import.error.ragged-row'], 'en').format({
				row: 7,
				found: 2,
				expected: 3
			})
		).toBe('Row 7 has 2 fields, the header has 3.');
	});
});
