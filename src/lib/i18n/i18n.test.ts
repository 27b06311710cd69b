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
		// Argument names from the parsed ICU message (plural branches like `=0 {empty}` are text, not arguments).
		const args = (m: string, loc: string) => {
			const names = new Set<string>();
			const walk = (nodes: unknown[]) => {
				for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
					if (n.type !== 0 && n.type !== 7 && typeof n.value === 'string') names.add(n.value);
					for (const o of Object.values(n.options ?? {})) walk(o.value);
				}
			};
			walk(new IntlMessageFormat(m, loc).getAst());
			return [...names].sort();
		};
		for (const key of Object.keys(en)) {
			expect(() => new IntlMessageFormat(en[key], 'en'), key).not.toThrow();
			expect(() => new IntlMessageFormat(zh[key], 'zh-CN'), key).not.toThrow();
			expect(args(zh[key], 'zh-CN'), key).toEqual(args(en[key], 'en'));
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
