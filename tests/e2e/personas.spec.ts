// Persona cards, both languages: every section + a custom field, photo, undo, reload, copy to another workspace, A6 print,
// JSON export → re-import equal, PNG/SVG/CSV export, and a malicious name that stays text everywhere.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Download, Page } from '@playwright/test';
import { test, expect, startEmpty, waitSaved, axe, navLink } from './fixtures';

const EVIL = '<img src=x onerror=alert(1)>';

/** A small valid PNG (solid colour with a darker square) generated here, so no binary fixture is needed. */
function makePng(w = 96, h = 96): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf: Buffer) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const c = Buffer.alloc(4);
		c.writeUInt32BE(crc(td));
		return Buffer.concat([len, td, c]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	const raw = Buffer.alloc((w * 3 + 1) * h);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const i = y * (w * 3 + 1) + 1 + x * 3;
			const inner = x > w / 4 && x < (3 * w) / 4 && y > h / 4 && y < (3 * h) / 4;
			raw[i] = inner ? 40 : 230;
			raw[i + 1] = inner ? 90 : 160;
			raw[i + 2] = inner ? 140 : 90;
		}
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ dl: Download; body: Buffer }> {
	const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
	return { dl, body: readFileSync((await dl.path())!) };
}

function noDialogs(page: Page): string[] {
	const seen: string[] = [];
	page.on('dialog', (d) => {
		seen.push(d.message());
		void d.dismiss();
	});
	return seen;
}

/** Persona content without identity: what must survive export → import. */
function content(p: Record<string, unknown>) {
	const c = structuredClone(p) as Record<string, unknown> & {
		basic: Record<string, unknown>;
		needs: { id?: string }[];
		traits: { id?: string }[];
	};
	for (const k of ['id', 'workspaceId', 'createdAt', 'updatedAt']) delete c[k];
	delete c.basic.photoBlobId;
	c.needs.forEach((n) => delete n.id);
	c.traits.forEach((t) => delete t.id);
	return c;
}

test('persona card in English: every section, custom field, photo, undo, copy, print, export + re-import, safe text', async ({
	page,
	watch
}) => {
	void watch;
	test.setTimeout(90_000);
	const dialogs = noDialogs(page);
	await startEmpty(page, 'en');
	const firstWs = (await page.getByLabel('Workspace name').inputValue()).trim();
	await navLink(page, 'Workspaces').click();
	await page.locator('#new-ws').fill('Second shop');
	await page.getByRole('button', { name: 'Create' }).click();
	await expect(page.getByTestId('workspace-switcher')).toContainText('Second shop');

	await navLink(page, 'Personas').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Persona cards' })).toBeVisible();
	expect(await axe(page), 'axe: empty list').toEqual([]);

	// A custom field defined once for the workspace.
	await page.getByTestId('manage-fields').click();
	const fm = page.getByTestId('field-manager');
	await fm.getByLabel('Field name').fill('Favourite drink');
	await fm.getByRole('button', { name: 'Add field' }).click();
	await expect(fm.getByTestId('field-def')).toHaveCount(1);
	const defName = fm.getByTestId('field-def').getByLabel('Field name');
	await defName.fill('Drink');
	await page.keyboard.press('Control+z');
	await expect(defName).toHaveValue('Favourite drink');
	await fm.getByRole('button', { name: 'Close' }).last().click();

	await page.getByTestId('new-persona').click();
	await expect(page.getByTestId('persona-detail')).toBeVisible();
	const ed = page.locator('.editor');
	await ed.getByLabel('Name', { exact: true }).fill(EVIL);
	await ed.getByLabel('Age', { exact: true }).fill('28');
	for (const [label, value] of [
		['Gender', 'Female'],
		['Occupation', 'UI designer'],
		['Income band', '¥15–25k / month'],
		['Education', 'Bachelor'],
		['City tier', 'New tier-1'],
		['Location', 'Hangzhou'],
		['Family status', 'Single'],
		['Quote', 'After work I want tea without a queue'],
		['Purchase behaviour', 'Orders ahead in the mini-program'],
		['Usage habits', 'Weekday evenings'],
		['Decision style', 'Follows friends'],
		['Frequency', '2× a week'],
		['Spend', '¥38'],
		['Values', 'Quality over price'],
		['Lifestyle', 'Busy'],
		['Attitude to price', 'Accepts a premium'],
		['Attitude to quality', 'Very important'],
		['Attitude to service', 'Hates queues'],
		['Current value', '¥1,980 a year'],
		['Potential value', '¥3,400 (CLV)'],
		['Service level', 'Priority pick-up'],
		['Favourite drink', 'Jasmine milk tea']
	] as const)
		await ed.getByLabel(label, { exact: true }).fill(value);
	for (const [label, value] of [
		['Tags', 'Member'],
		['Motivations', 'A small reward'],
		['Interests', 'Photography'],
		['Goals', 'No waiting'],
		['Frustrations', '=1+2 queue of 18 minutes']
	] as const) {
		await ed.getByLabel(label, { exact: true }).fill(value);
		await ed.getByLabel(label, { exact: true }).press('Enter');
	}
	await ed.getByRole('checkbox', { name: 'Mini-program' }).check();
	await ed.getByRole('radio', { name: 'Tier B' }).check();
	await ed.getByLabel('Current value (amount)').fill('1980');
	await ed.getByLabel('Loyalty').selectOption('4');
	await ed.getByLabel('Add Explicit need').first().fill('Know the wait time');
	await ed.getByLabel('Add Explicit need').first().press('Enter');
	await ed.getByLabel('Add Expected need').first().fill('Order ahead');
	await ed.getByLabel('Add Expected need').first().press('Enter');
	await ed.getByLabel('Add Implicit need').first().fill('Be recognised');
	await ed.getByLabel('Add Implicit need').first().press('Enter');
	const slider = ed.getByRole('slider', { name: 'Price-sensitive ↔ Quality-seeking' });
	await slider.focus();
	await slider.press('ArrowRight');
	await slider.press('ArrowRight');
	await expect(slider).toHaveValue('60');

	// Photo: a bad file gets a clear error; a real image is resized and stored.
	await page.getByTestId('photo-input').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
	await expect(page.getByTestId('photo-error')).toContainText('could not be read');
	await page.getByTestId('photo-input').setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: makePng() });
	await expect(page.locator('.editor [data-testid="persona-avatar"]')).toHaveAttribute('data-photo', 'true');
	await expect(page.getByTestId('persona-card').getByTestId('persona-avatar')).toHaveAttribute('data-photo', 'true');

	// Undo / redo of one edit.
	await page.waitForTimeout(1100);
	await ed.getByLabel('Occupation', { exact: true }).fill('Barista');
	await page.keyboard.press('Control+z');
	await expect(ed.getByLabel('Occupation', { exact: true })).toHaveValue('UI designer');
	await page.keyboard.press('Control+Shift+z');
	await expect(ed.getByLabel('Occupation', { exact: true })).toHaveValue('Barista');
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(ed.getByLabel('Occupation', { exact: true })).toHaveValue('UI designer');

	await waitSaved(page);
	await page.reload();
	await expect(page.getByTestId('persona-title')).toHaveText(EVIL);
	await expect(ed.getByLabel('Favourite drink')).toHaveValue('Jasmine milk tea');
	await expect(page.getByTestId('needs-implicit').getByRole('textbox').first()).toHaveValue('Be recognised');
	await expect(page.getByTestId('persona-card')).toContainText('Know the wait time');
	await expect(page.getByTestId('persona-card').getByTestId('card-name')).toHaveText(EVIL);
	expect(await axe(page), 'axe: detail').toEqual([]);

	// Exports: JSON file, PNG and SVG of the card.
	await page.getByText('Print & export').click();
	const json = await download(page, () => page.getByRole('button', { name: 'Persona file (JSON)' }).click());
	const file = JSON.parse(json.body.toString('utf8'));
	expect(file.formatName).toBe('cx-studio.persona');
	expect(Object.values(file.photos ?? {})[0]).toMatch(/^data:image\/(webp|jpeg);base64,/);
	const png = await download(page, () => page.getByRole('button', { name: 'Card as PNG image' }).click());
	expect(png.body.subarray(1, 4).toString('ascii')).toBe('PNG');
	expect(png.body.length).toBeGreaterThan(5000);
	const svg = await download(page, () => page.getByRole('button', { name: 'Card as SVG image' }).click());
	const svgText = svg.body.toString('utf8');
	expect(svgText).toContain('&lt;img src=x');
	expect(svgText).toContain('onerror=alert(1)&gt;');
	expect(svgText).not.toContain('<img');

	// Re-import into the same workspace: the copy equals the original (ids, times and the photo blob id aside).
	await page.getByRole('link', { name: 'Persona cards' }).click();
	await page.getByTestId('import-input').setInputFiles({ name: 'lin.persona.json', mimeType: 'application/json', buffer: json.body });
	await expect(page.getByTestId('persona-tile')).toHaveCount(2);
	await page.getByText('Print & export').click();
	const all = JSON.parse(
		(await download(page, () => page.getByRole('button', { name: 'Persona file (JSON) of the list' }).click())).body.toString('utf8')
	);
	expect(all.personas).toHaveLength(2);
	expect(content(all.personas[1])).toEqual(content(all.personas[0]));
	const photos = Object.values(all.photos) as string[];
	expect(photos).toHaveLength(2);
	expect(photos[0]).toBe(photos[1]);
	// A broken file is refused with a translated, located error and nothing is written.
	await page.getByTestId('import-input').setInputFiles({
		name: 'bad.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"formatName":"cx-studio.persona","formatVersion":1,"personas":[{"id":"x"}]}')
	});
	await expect(page.getByTestId('import-error')).toContainText('“bad.json” was not imported');
	await expect(page.getByTestId('persona-tile')).toHaveCount(2);

	// CSV: BOM, the name as plain text, formula-safe.
	const csv = (await download(page, () => page.getByRole('button', { name: 'All personas as CSV' }).click())).body.toString('utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv).toContain(EVIL);
	expect(csv).toContain("'=1+2 queue of 18 minutes");
	await page.keyboard.press('Escape');

	// The list shows the name as text; search and tier filter work; axe clean.
	await expect(page.getByTestId('persona-link').first()).toHaveText(EVIL);
	await page.getByLabel('Search personas').fill('no such persona');
	await expect(page.getByTestId('persona-tile')).toHaveCount(0);
	await page.getByLabel('Search personas').fill('');
	await page.getByLabel('Value tier').selectOption('A');
	await expect(page.getByTestId('persona-tile')).toHaveCount(0);
	await page.getByLabel('Value tier').selectOption('B');
	await expect(page.getByTestId('persona-tile')).toHaveCount(2);
	expect(await axe(page), 'axe: list').toEqual([]);

	// Print preview: A6, four to a sheet, shell hidden in print, one A4 page in the PDF.
	await page.goto('/personas/print?layout=a6');
	await expect(page.getByTestId('print-sheet')).toHaveCount(1);
	await expect(page.getByTestId('print-sheet').getByTestId('persona-card')).toHaveCount(2);
	await expect(page.getByTestId('print-sheet').getByTestId('card-name').first()).toHaveText(EVIL);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.app-header')).toBeHidden();
	await expect(page.getByTestId('print-button')).toBeHidden();
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
	await page.emulateMedia({ media: 'screen' });

	// Copy to the first workspace: the custom field comes along, the photo too.
	await page.goto('/personas');
	await page
		.getByRole('button', { name: `Copy “${EVIL}” to another workspace` })
		.first()
		.click();
	const dlg = page.getByTestId('copy-dialog');
	await expect(dlg.getByLabel('Target workspace')).toHaveValue(/.+/);
	await dlg.getByRole('button', { name: 'Copy', exact: true }).click();
	await page.getByRole('status').getByRole('button', { name: 'Open' }).click();
	await expect(page.getByTestId('workspace-switcher')).toContainText(firstWs);
	await expect(page.getByTestId('persona-title')).toHaveText(EVIL);
	await expect(page.locator('.editor').getByLabel('Favourite drink')).toHaveValue('Jasmine milk tea');
	await expect(page.locator('.editor [data-testid="persona-avatar"]')).toHaveAttribute('data-photo', 'true');

	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(dialogs).toEqual([]);
});

test('persona card in Chinese: create, needs typed 显性/期望/隐性, delete with undo, A6 print preview, axe', async ({ page, watch }) => {
	void watch;
	const dialogs = noDialogs(page);
	await startEmpty(page, 'zh-CN');
	await navLink(page, '用户画像').click();
	await expect(page.getByRole('heading', { level: 1, name: '画像卡片' })).toBeVisible();
	await page.getByTestId('new-persona').click();
	const ed = page.locator('.editor');
	await ed.getByLabel('姓名', { exact: true }).fill(`小林 ${EVIL}`);
	await ed.getByLabel('年龄', { exact: true }).fill('abc');
	await expect(ed.getByText('请输入年龄')).toBeVisible();
	await ed.getByLabel('年龄', { exact: true }).fill('25-34');
	await ed.getByLabel('职业', { exact: true }).fill('设计师');
	await ed.getByLabel('一句话', { exact: true }).fill('下班后想要一杯不用等的茶');
	await ed.getByRole('radio', { name: 'B 级' }).check();
	await ed.getByRole('checkbox', { name: '小程序' }).check();
	await ed.getByLabel('添加显性需求').first().fill('知道还要等多久');
	await ed.getByLabel('添加显性需求').first().press('Enter');
	await ed.getByLabel('添加隐性需求').first().fill('被认出来');
	await ed.getByLabel('添加隐性需求').first().press('Enter');
	await page.getByTestId('photo-input').setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: makePng() });
	await expect(page.getByTestId('persona-card').getByTestId('persona-avatar')).toHaveAttribute('data-photo', 'true');
	const card = page.getByTestId('persona-card');
	await expect(card).toContainText('25–34 岁');
	await expect(card).toContainText('显性');
	await expect(card).toContainText('被认出来');
	await expect(card).toContainText('B 级');
	expect(await axe(page), 'axe: detail zh').toEqual([]);
	await waitSaved(page);

	// Another tab on the same persona sees edits live.
	const other = await page.context().newPage();
	await other.goto(page.url());
	await expect(other.locator('.editor').getByLabel('职业', { exact: true })).toHaveValue('设计师');
	await ed.getByLabel('职业', { exact: true }).fill('插画师');
	await expect(other.locator('.editor').getByLabel('职业', { exact: true })).toHaveValue('插画师');
	await expect(other.getByTestId('persona-card')).toContainText('插画师');
	await other.close();
	await waitSaved(page);

	await page.getByRole('link', { name: '画像卡片' }).click();
	await expect(page.getByTestId('persona-tile')).toHaveCount(1);
	expect(await axe(page), 'axe: list zh').toEqual([]);
	await page.getByRole('button', { name: `复制“小林 ${EVIL}”`, exact: true }).click();
	await expect(page.getByTestId('persona-tile')).toHaveCount(2);
	await page.getByRole('button', { name: `删除“小林 ${EVIL}（副本）”` }).click();
	await expect(page.getByTestId('persona-tile')).toHaveCount(1);
	await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
	await expect(page.getByTestId('persona-tile')).toHaveCount(2);

	await page.getByText('打印与导出').click();
	await page.getByRole('link', { name: '打印 A6 卡片（每张 A4 4 张）' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '打印画像卡片' })).toBeVisible();
	await expect(page.getByTestId('print-sheet').getByTestId('persona-card')).toHaveCount(2);
	await expect(page.getByTestId('print-sheet').getByTestId('persona-avatar').first()).toHaveAttribute('data-photo', 'true');
	await page.getByText('A4，每人一页').click();
	await expect(page.getByTestId('print-sheet')).toHaveCount(2);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(dialogs).toEqual([]);
});
