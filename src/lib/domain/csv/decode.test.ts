// @vitest-environment node
// Encoding detection and decoding: BOMs, strict UTF-8 → GB18030 fallback, UTF-16, spreadsheets, streaming splits.
import { describe, expect, it } from 'vitest';
import { decodeBytes, guessEncoding, looksLikeSpreadsheet, StreamDecoder } from './decode';

const gbk客户金额 = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xbd, 0xf0, 0xb6, 0xee]);

describe('decode', () => {
	it('GB18030 bytes fail strict UTF-8 and decode as 客户,金额', () => {
		expect(guessEncoding(gbk客户金额, true)).toEqual({
			encoding: 'gb18030',
			bom: false,
			reason: 'gb18030-fallback'
		});
		const r = decodeBytes(gbk客户金额);
		expect(r.data!.text).toBe('客户,金额');
		expect(r.errors.map((e) => e.code)).toEqual([]);
	});
	it('an override wins over the guess', () => {
		const r = decodeBytes(new TextEncoder().encode('café'), 'windows-1252');
		expect(r.data!.text).toBe('cafÃ©');
		expect(r.data!.encoding.reason).toBe('override');
	});
	it('a sample cut inside a UTF-8 character is still valid UTF-8', () => {
		const b = new TextEncoder().encode('客户');
		expect(guessEncoding(b.subarray(0, 4), false).encoding).toBe('utf-8');
	});
	it('the stream decoder joins characters split across slices', () => {
		const b = new TextEncoder().encode('金额,日期');
		const d = new StreamDecoder('utf-8');
		expect(d.decode(b.subarray(0, 4), false)! + d.decode(b.subarray(4), true)!).toBe('金额,日期');
		const u16 = new StreamDecoder('utf-16le');
		const le = new Uint8Array([0x11, 0x62, 0x2c, 0x00]);
		expect(u16.decode(le.subarray(0, 1), false)! + u16.decode(le.subarray(1), true)!).toBe('我,');
	});
	it('strict UTF-8 reports failure instead of U+FFFD', () => {
		expect(new StreamDecoder('utf-8').decode(gbk客户金额, true)).toBeNull();
	});
	it('recognises zip (xlsx) and OLE (xls) signatures', () => {
		expect(looksLikeSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
		expect(looksLikeSpreadsheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(true);
		expect(looksLikeSpreadsheet(new TextEncoder().encode('PK,1'))).toBe(false);
	});
	it('binary files are refused, scattered NULs are not', () => {
		const bin = Uint8Array.from({ length: 400 }, (_, i) => (i * 7) % 32);
		expect(decodeBytes(bin).errors.map((e) => e.code)).toEqual(['binary-file']);
	});
});
