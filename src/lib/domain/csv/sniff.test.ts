// @vitest-environment node
// Dialect sniffing: delimiter consistency, whitespace runs, newline style, header detection.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectHeader, detectNewline } from './sniff';

describe('sniff', () => {
	it.each([
		['a,b,c\n1,2,3\n4,5,6\n', ','],
		['a;b\n1,5;2,5\n3;4,25\n', ';'],
		['a\tb\n1\t2\n', '\t'],
		['a|b|c\n1|2|3\n', '|'],
		['"x,y";b\n"1,2";3\n"4";5\n', ';'],
		[' 1  2  3\n 4  5  6\n 7 8 9\n', 'whitespace'],
		['single\ncolumn\n', ',']
	])('%j → %j', (text, d) => expect(detectDelimiter(text, false)).toBe(d));
	it('newline: first break outside quotes', () => {
		expect(detectNewline('a,"x\ny"\r\nb')).toBe('\r\n');
		expect(detectNewline('a\rb')).toBe('\r');
		expect(detectNewline('a')).toBe('\n');
	});
	it('header detection', () => {
		expect(
			detectHeader([
				['customer_id', 'date', 'amount'],
				['1', '2024-01-01', '5']
			])
		).toBe(true);
		expect(
			detectHeader([
				['00004', '0001', '19970101', '2', '29.33'],
				['00004', '0001', '19970118', '2', '29.73']
			])
		).toBe(false);
		expect(
			detectHeader([
				['Brion Stark', '2004-12-20', '32'],
				['Ethyl Botsford', '2005-05-02', '36']
			])
		).toBe(false);
		expect(
			detectHeader([
				['name', 'city'],
				['Ann', 'Paris']
			])
		).toBe(true);
		expect(detectHeader([['customer_id', 'date']])).toBe(true);
		expect(detectHeader([['1', '2']])).toBe(false);
	});
});
