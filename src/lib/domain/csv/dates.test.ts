// @vitest-environment node
// Date parsing to epoch ms UTC and whole-column format detection (D/M vs M/D ambiguity, numeric dates).
import { describe, expect, it } from 'vitest';
import { detectDateFormat, formatDate, parseDate } from './dates';

const U = Date.UTC;

describe('parseDate', () => {
	it.each([
		['2024-03-05', 'iso', U(2024, 2, 5)],
		['2024-03-05T10:20:30', 'iso', U(2024, 2, 5, 10, 20, 30)],
		['2024-03-05 10:20:30.250', 'iso', U(2024, 2, 5, 10, 20, 30, 250)],
		['2024-03-05T10:20:30Z', 'iso', U(2024, 2, 5, 10, 20, 30)],
		['2024-03-05T10:20:30+08:00', 'iso', U(2024, 2, 5, 2, 20, 30)],
		['2024/3/5', 'ymd', U(2024, 2, 5)],
		['2024/3/5 9:05', 'ymd', U(2024, 2, 5, 9, 5)],
		['2024年3月5日', 'ymd-cjk', U(2024, 2, 5)],
		['2024年3月5日 14:30', 'ymd-cjk', U(2024, 2, 5, 14, 30)],
		['19970101', 'ymd-compact', U(1997, 0, 1)],
		['5/3/2024', 'dmy', U(2024, 2, 5)],
		['5.3.2024', 'dmy', U(2024, 2, 5)],
		['3/5/2024', 'mdy', U(2024, 2, 5)],
		['12/1/2010 8:26', 'mdy', U(2010, 11, 1, 8, 26)],
		['3/5/2024 2:15 PM', 'mdy', U(2024, 2, 5, 14, 15)],
		['3/5/24', 'mdy', U(2024, 2, 5)],
		['45356', 'excel-serial', U(2024, 2, 5)],
		['45356.5', 'excel-serial', U(2024, 2, 5, 12)],
		['1', 'excel-serial', U(1900, 0, 1)],
		['1709596800', 'unix-s', U(2024, 2, 5)],
		['1709596800000', 'unix-ms', U(2024, 2, 5)]
	] as const)('%s as %s', (raw, f, ms) => expect(parseDate(raw, f)).toBe(ms));
	it.each([
		['2024-02-30', 'iso'],
		['2023-02-29', 'iso'],
		['2024-13-01', 'iso'],
		['2024-01-01 25:00', 'iso'],
		['13/13/2024', 'dmy'],
		['', 'iso'],
		['10000101', 'ymd-compact'],
		['123', 'unix-s']
	] as const)('%j as %s → NaN', (raw, f) => expect(parseDate(raw, f)).toBeNaN());
});

describe('detectDateFormat', () => {
	it('a day above 12 anywhere in the column settles D/M', () => {
		expect(detectDateFormat(['01/02/2024', '03/04/2024', '25/12/2024'])).toMatchObject({
			format: 'dmy',
			ambiguous: false
		});
	});
	it('a second part above 12 settles M/D', () => {
		expect(detectDateFormat(['01/02/2024', '12/31/2024'])).toMatchObject({
			format: 'mdy',
			ambiguous: false
		});
	});
	it('no part above 12: ambiguous, preference used', () => {
		expect(detectDateFormat(['01/02/2024', '03/04/2024'], { prefer: 'dmy' })).toMatchObject({
			format: 'dmy',
			ambiguous: true,
			alternatives: ['mdy']
		});
	});
	it('ISO with times', () => {
		expect(detectDateFormat(['2010-12-01 08:26:00', '2010-12-01 09:00:00'])).toMatchObject({
			format: 'iso',
			hasTime: true
		});
	});
	it('text columns and plain numbers are not dates unless numeric formats are allowed', () => {
		expect(detectDateFormat(['Alice', 'Bob']).format).toBeNull();
		expect(detectDateFormat(['45356', '45400']).format).toBeNull();
		expect(detectDateFormat(['45356', '45400'], { allowNumeric: true }).format).toBe('excel-serial');
		expect(detectDateFormat(['1709596800', '1709600000'], { allowNumeric: true }).format).toBe('unix-s');
	});
	it('formatDate writes ISO in UTC', () => {
		expect(formatDate(U(2024, 2, 5), false)).toBe('2024-03-05');
		expect(formatDate(U(2024, 2, 5, 1, 2, 3), true)).toBe('2024-03-05 01:02:03');
		expect(formatDate(NaN, true)).toBe('');
	});
});

describe('mixed D/M and M/D', () => {
	it('flags a column holding both 25/12 and 12/25', () => {
		const d = detectDateFormat(['25/12/2024', '12/25/2024', '01/02/2024'], { minShare: 0.5 });
		expect(d).toMatchObject({ mixed: true, format: 'dmy' });
		expect(detectDateFormat(['25/12/2024', '01/02/2024']).mixed).toBeUndefined();
	});
});
