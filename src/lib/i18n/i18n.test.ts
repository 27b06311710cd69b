import { describe, expect, it } from 'vitest';
import { get } from 'svelte/store';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, pseudoCatalogue, setupI18n, setLocale, t, makeFormatters } from './index';

describe('message catalogues', () => {
	const en = catalogue('en');
	const zh = catalogue('zh-CN');

	it('zh-CN and en have exactly the same keys (core and every area file)', () => {
		const a = Object.keys(en).sort();
		const b = Object.keys(zh).sort();
		expect(b.filter((k) => !a.includes(k))).toEqual([]);
		expect(a.filter((k) => !b.includes(k))).toEqual([]);
	});

	it('every message parses as ICU and uses the same arguments in both languages', () => {
		const args = (m: string) =>
			[...m.matchAll(/\{\s*([a-zA-Z_][\w]*)\s*[,}]/g)]
				.map((x) => x[1])
				.sort()
				.filter((v, i, s) => s.indexOf(v) === i);
		for (const key of Object.keys(en)) {
			expect(() => new IntlMessageFormat(en[key], 'en'), key).not.toThrow();
			expect(() => new IntlMessageFormat(zh[key], 'zh-CN'), key).not.toThrow();
			expect(args(zh[key]), key).toEqual(args(en[key]));
		}
	});

	it('no message is empty', () => {
		for (const [k, m] of [...Object.entries(en), ...Object.entries(zh)]) expect(m.trim(), k).not.toBe('');
	});

	it('the pseudo-locale brackets every message and keeps it valid ICU', () => {
		const pseudo = pseudoCatalogue();
		for (const [k, m] of Object.entries(pseudo)) {
			expect(m.startsWith('⟦') && m.endsWith('⟧'), k).toBe(true);
			expect(() => new IntlMessageFormat(m, 'en')).not.toThrow();
		}
	});
});

describe('translate', () => {
	it('formats plurals and switches language', () => {
		setupI18n('en');
		expect(get(t)('workspace.count', { count: 1 })).toBe('1 workspace');
		expect(get(t)('workspace.count', { count: 3 })).toBe('3 workspaces');
		setLocale('zh-CN');
		expect(get(t)('workspace.count', { count: 3 })).toBe('3 个工作区');
		setLocale('en');
	});

	it('formats bytes and numbers per locale', () => {
		expect(makeFormatters('en').bytes(1536)).toBe('1.5 KB');
		expect(makeFormatters('en').number(1234567.5)).toBe('1,234,567.5');
		expect(makeFormatters('zh-CN').date(Date.UTC(2026, 0, 5), { timeZone: 'UTC' })).toContain('2026');
	});
});
