import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeRegisterBytes } from './import-file';
import { importRegisterCsv } from '$lib/domain/touchpoint';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve('tests/fixtures', name)));

describe('reading a register file', () => {
	it('reads a GB18030 register (Excel on Chinese Windows) the same as the UTF-8 one', () => {
		const gb = decodeRegisterBytes(fixture('touchpoint/register-zh-gb18030.csv'));
		const utf8 = decodeRegisterBytes(fixture('touchpoint/register-zh.csv'));
		expect(gb.ok && gb.encoding).toBe('gb18030');
		expect(utf8.ok && utf8.encoding).toBe('utf-8');
		if (!gb.ok || !utf8.ok) return;
		expect(gb.text).toBe(utf8.text);
		const names = importRegisterCsv(gb.text, 'ws').touchpoints.map((t) => t.name);
		expect(names).toEqual(['400 热线', '在线客服', '门店柜台', '小红书笔记']);
	});

	it('drops the BOM and refuses a renamed workbook or an empty file with a code', () => {
		const bom = decodeRegisterBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('touchpoint,channel\n')]));
		expect(bom.ok && bom.text).toBe('touchpoint,channel\n');
		expect(decodeRegisterBytes(fixture('csv/xlsx-renamed.csv'))).toEqual({ ok: false, code: 'xlsx-not-csv' });
		expect(decodeRegisterBytes(new Uint8Array())).toEqual({ ok: false, code: 'empty-file' });
	});

	it('reports a forced encoding that cannot read the bytes', () => {
		const r = decodeRegisterBytes(fixture('touchpoint/register-zh-gb18030.csv'), 'utf-8');
		expect(r).toEqual({ ok: false, code: 'decode-failed' });
	});
});
