// Every import issue code turns into a sentence in both languages, whatever fields the issue carries.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import en from '$lib/i18n/messages/import.en.json';
import zh from '$lib/i18n/messages/import.zh-CN.json';
import { IMPORT_ERROR_CODES } from '$lib/domain/csv/issues';
import type { MessageKey, Translate } from '$lib/i18n';
import { issueText } from './issue-text';
import { missingFields, isQuotaError } from '$lib/state/import.svelte';

const tr =
	(cat: Record<string, string>, loc: string): Translate =>
	(key: MessageKey, values?: Record<string, unknown>) =>
		String(new IntlMessageFormat(cat[key] ?? key, loc).format(values as Record<string, string>));

describe('issueText', () => {
	it('formats every code with or without row, column, value and detail', () => {
		for (const [cat, loc] of [
			[en, 'en'],
			[zh, 'zh-CN']
		] as const) {
			const t = tr(cat, loc);
			for (const code of IMPORT_ERROR_CODES) {
				expect(() => issueText(t, { code, severity: 'error' }), code).not.toThrow();
				expect(issueText(t, { code, severity: 'error', row: 7, column: '金额', value: 'abc', detail: { total: 3 } }), code).not.toContain(
					'{'
				);
			}
		}
	});
	it('says what and where', () => {
		const t = tr(en, 'en');
		expect(issueText(t, { code: 'bad-number', severity: 'error', row: 12, column: 'amount', value: 'abc' })).toBe(
			'Row 12: “abc” in “amount” is not a number.'
		);
		expect(issueText(t, { code: 'xlsx-not-csv', severity: 'fatal' }, 'sales.csv')).toContain('sales.csv is an Excel workbook');
		expect(issueText(t, { code: 'decode-failed', severity: 'fatal', detail: { encoding: 'gb18030' } }, 'a.csv')).toContain('GB18030');
		expect(issueText(t, { code: 'bad-date', severity: 'warning', detail: { total: 250 } })).toBe('Not a date: 250 rows in all');
	});
});

describe('wizard rules', () => {
	it('amount is not required when quantity and unit price are mapped', () => {
		expect(missingFields('transactions', { kind: 'transactions', fields: { customerId: 'c', date: 'd' } })).toEqual(['amount']);
		expect(
			missingFields('transactions', { kind: 'transactions', fields: { customerId: 'c', date: 'd', quantity: 'q', unitPrice: 'p' } })
		).toEqual([]);
		expect(missingFields('contacts', { kind: 'contacts', fields: {} })).toEqual(['timestamp']);
	});
	it('recognises a full disk however IndexedDB reports it', () => {
		expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
		expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
		expect(isQuotaError(new Error('boom'))).toBe(false);
	});
});
