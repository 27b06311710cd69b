// @vitest-environment node
// Number parsing: separators, decimal comma, currency, (neg), %, full-width; empty is NaN, never 0.
import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseNumber } from './numbers';

describe('parseNumber', () => {
	it.each([
		['12', 12],
		['-3.5', -3.5],
		['1,234.50', 1234.5],
		['1,234,567', 1234567],
		['¥1,200', 1200],
		['￥88.8', 88.8],
		['$ 5', 5],
		['€12.00', 12],
		['£-7', -7],
		['-$5', -5],
		['(12.00)', -12],
		['($1,000.00)', -1000],
		['5-', -5],
		['12.5%', 0.125],
		['１２３', 123],
		['１２．５', 12.5],
		['12 345', 12345],
		["1'234.5", 1234.5],
		['1e3', 1000],
		['100元', 100],
		['RMB 30', 30],
		['+4', 4]
	])('%s → %d', (raw, n) => expect(parseNumber(raw)).toBe(n));
	it.each([
		['1.234,50', 1234.5],
		['12,5', 12.5],
		['(3,50)', -3.5],
		['1 234,5', 1234.5],
		['€ 1.000', 1000]
	])('decimal comma: %s → %d', (raw, n) => expect(parseNumber(raw, ',')).toBe(n));
	it.each(['', '   ', 'abc', '1,2,3', '1.2.3', '--5', '12abc', 'N/A'])('%j → NaN (missing, never 0)', (raw) =>
		expect(parseNumber(raw)).toBeNaN()
	);
});

describe('detectDecimalMark', () => {
	it('reads the last mark when both appear', () => {
		expect(detectDecimalMark(['1.234,50', '12,00'])).toEqual({
			decimal: ',',
			ambiguous: false
		});
		expect(detectDecimalMark(['1,234.50', '3'])).toEqual({
			decimal: '.',
			ambiguous: false
		});
	});
	it('1,234 alone is ambiguous and falls back to the preference', () => {
		expect(detectDecimalMark(['1,234', '5,678'], ',')).toEqual({
			decimal: ',',
			ambiguous: true
		});
		expect(detectDecimalMark(['1,234'])).toEqual({
			decimal: '.',
			ambiguous: true
		});
	});
	it('integers say nothing', () =>
		expect(detectDecimalMark(['1', '2'])).toEqual({
			decimal: '.',
			ambiguous: false
		}));
});
