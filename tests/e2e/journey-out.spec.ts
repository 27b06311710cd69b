// Journey maps out of the editor: workshop mode (reveal, timer, dot voting, quick capture), every export format, print, import errors — both languages.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startEmpty, axe } from './fixtures';
import { addCard, BEFORE_DURING_AFTER, exportJourneyFile, instantiateTemplate } from '../../src/lib/domain/journey';

const XSS = '<img src=x onerror=alert(1)>';
type Lang = 'en' | 'zh-CN';

/** The Before/During/After template in `lang`, plus a card whose text is markup. */
function mapFile(lang: Lang): { name: string; mimeType: string; buffer: Buffer } {
	let s = instantiateTemplate(BEFORE_DURING_AFTER, lang, 'seed');
	const pain = s.journey.lanes.find((l) => l.type === 'painPoints')!;
	s = addCard(s, { laneId: pain.id, stepId: s.journey.stages[1].steps[0].id, text: XSS }).state;
	return { name: `tea-${lang}.journey.json`, mimeType: 'application/json', buffer: Buffer.from(exportJourneyFile(s)) };
}

type Row = Record<string, unknown>;
async function dump(page: Page): Promise<{ journeys: Row[]; cards: Row[] }> {
	return page.evaluate(
		() =>
			new Promise<{ journeys: Row[]; cards: Row[] }>((resolve, reject) => {
				const req = indexedDB.open('cx-studio');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const tx = db.transaction(['journeys', 'cards']);
					const j = tx.objectStore('journeys').getAll();
					const c = tx.objectStore('cards').getAll();
					tx.oncomplete = () => {
						db.close();
						resolve({ journeys: j.result, cards: c.result });
					};
				};
			})
	);
}

async function importMap(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
	await page.goto('/journeys');
	await page.getByTestId('journey-import-input').setInputFiles(file);
	await page.waitForURL(/\/journeys\/[^/]+$/);
	await expect(page.getByTestId('journey-grid')).toBeVisible();
	return page.url().split('/').pop()!;
}

function noDialogs(page: Page): string[] {
	const seen: string[] = [];
	page.on('dialog', (d) => {
		seen.push(d.message());
		void d.dismiss();
	});
	return seen;
}

const T = {
	en: {
		stage2: 'During contact',
		of3: /Stage 2 of 3/,
		hidden: 'not revealed yet',
		p1none: 'Participant 1 of 2 — no dots left',
		p2: 'Participant 2 of 2 — 2 dots left',
		dots3: '3 dots',
		timeUp: "Time's up",
		votes3: '3 votes'
	},
	'zh-CN': {
		stage2: '接触中',
		of3: /第 2 个阶段，共 3 个/,
		hidden: '尚未揭示',
		p1none: '第 1 位参与者，共 2 位 — 圆点已用完',
		p2: '第 2 位参与者，共 2 位 — 还剩 2 个圆点',
		dots3: '3 个圆点',
		timeUp: '时间到',
		votes3: '3'
	}
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
	test(`workshop: reveal stage by stage, timer, dot voting lands on the cards, quick capture, leave keeps all (${lang})`, async ({
		page,
		watch
	}) => {
		void watch;
		const dialogs = noDialogs(page);
		await page.clock.install();
		await startEmpty(page, lang);
		const id = await importMap(page, mapFile(lang));
		await page.getByTestId('workshop-link').click();
		await expect(page).toHaveURL(new RegExp(`/journeys/${id}/workshop$`));
		const ws = page.getByTestId('workshop');
		await expect(page.getByTestId('workshop-progress')).toContainText(lang === 'en' ? 'Stage 1 of 3' : '第 1 个阶段，共 3 个');
		await expect(ws.getByText(T[lang].hidden)).toHaveCount(2);
		expect(await axe(page), 'axe on workshop').toEqual([]);

		// Reveal the next stage with the keyboard.
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('workshop-stage')).toHaveText(T[lang].stage2);
		await expect(page.getByTestId('workshop-progress')).toContainText(T[lang].of3);
		await expect(ws.getByText(T[lang].hidden)).toHaveCount(1);
		// A deep link reloads through the 200.html fallback and the workshop session (revealed stages) is kept.
		await page.reload();
		await expect(page.getByTestId('workshop-stage')).toHaveText(T[lang].stage2);
		await expect(ws.getByText(T[lang].hidden)).toHaveCount(1);
		// "Map so far" shows every revealed stage (2 + 3 steps), then back to the stage view.
		await page.getByTestId('view-toggle').click();
		await expect(page.getByTestId('workshop-board')).toHaveAttribute('data-view', 'map');
		await expect(page.getByTestId('workshop-board').locator('.step-head')).toHaveCount(5);
		await page.getByTestId('view-toggle').click();
		await expect(page.getByTestId('workshop-board').locator('.step-head')).toHaveCount(3);
		// Markup in a card is text.
		await expect(ws.getByText(XSS, { exact: true })).toBeVisible();
		expect(await ws.locator('img').count()).toBe(0);

		// Timer: 1 minute, pause holds, the end is signalled.
		const clock = page.getByTestId('workshop-timer').getByRole('timer');
		await page.getByTestId('workshop-timer').getByRole('spinbutton').fill('1');
		await page.getByTestId('workshop-timer').getByRole('spinbutton').press('Tab');
		await expect(clock).toHaveText('01:00');
		await page
			.getByTestId('workshop-timer')
			.getByRole('button', { name: lang === 'en' ? 'Start' : '开始' })
			.click();
		await page.clock.fastForward(30_000);
		await expect(clock).toHaveText('00:30');
		await page
			.getByTestId('workshop-timer')
			.getByRole('button', { name: lang === 'en' ? 'Pause' : '暂停' })
			.click();
		await page.clock.fastForward(60_000);
		await expect(clock).toHaveText('00:30');
		await page
			.getByTestId('workshop-timer')
			.getByRole('button', { name: lang === 'en' ? 'Start' : '开始' })
			.click();
		await page.clock.fastForward(31_000);
		await expect(clock).toHaveAttribute('data-state', 'done');
		await expect(page.getByTestId('workshop-timer')).toContainText(T[lang].timeUp);

		// Dot voting: 2 participants × 2 dots on one screen.
		await page.getByTestId('vote-setup').click();
		await page.getByLabel(lang === 'en' ? 'Participants' : '参与人数').fill('2');
		await page.getByLabel(lang === 'en' ? 'Dots per participant' : '每人圆点数').fill('2');
		await page.getByTestId('vote-begin').click();
		const cards = ws.getByTestId('workshop-card');
		const first = cards.nth(0);
		const second = cards.nth(1);
		const firstText = (await first.locator('.text').textContent())!;
		const secondText = (await second.locator('.text').textContent())!;
		await first.click();
		await first.click();
		await expect(page.getByTestId('vote-turn')).toHaveText(T[lang].p1none);
		expect(await axe(page), 'axe while voting').toEqual([]);
		await page.getByTestId('vote-next').click();
		await expect(page.getByTestId('vote-turn')).toHaveText(T[lang].p2);
		// Participant 2 places one dot on each; the earlier participant's dots are not shown.
		await first.click();
		await second.click();
		await page.getByTestId('vote-next').click();
		const results = page.getByTestId('vote-result');
		await expect(results).toHaveCount(2);
		await expect(results.nth(0)).toContainText(firstText);
		await expect(results.nth(0)).toContainText(T[lang].dots3);
		await expect(results.nth(1)).toContainText(secondText);
		await page.getByTestId('vote-apply').click();
		await expect(cards.nth(0).getByTestId('card-votes')).toContainText(T[lang].votes3);

		// Quick capture into the focused cell.
		const captured = lang === 'en' ? 'Captured in the room' : '现场记录的想法';
		await page
			.getByRole('button', { name: lang === 'en' ? /Capture a card into Pain points · / : /在 痛点 · .* 快速记录卡片/ })
			.first()
			.click();
		await expect(page.getByTestId('capture-target')).toContainText(lang === 'en' ? 'Pain points' : '痛点');
		await page.keyboard.type(captured);
		await page.keyboard.press('Enter');
		await expect(ws.getByText(captured, { exact: true })).toBeVisible();
		await expect(page.getByLabel(lang === 'en' ? 'Quick capture: new card text' : '快速记录：新卡片内容')).toHaveValue('');

		// Esc leaves to the editor; everything is stored.
		await page.getByTestId('workshop-board').click({ position: { x: 2, y: 2 } });
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(new RegExp(`/journeys/${id}$`));
		await expect(page.getByTestId('journey-grid')).toBeVisible();
		const db = await dump(page);
		const mine = db.cards.filter((c) => c.journeyId === id);
		expect(mine.find((c) => c.text === firstText)?.votes).toBe(3 + 0);
		expect(mine.find((c) => c.text === secondText)?.votes).toBe(1);
		expect(mine.some((c) => c.text === captured)).toBe(true);
		expect(dialogs).toEqual([]);
	});

	test(`bad map files give translated, coded errors and write nothing (${lang})`, async ({ page, watch }) => {
		void watch;
		await startEmpty(page, lang);
		await page.goto('/journeys');
		const good = JSON.parse(mapFile('en').buffer.toString());
		const dangling = structuredClone(good);
		dangling.cards[2].laneId = 'no-such-lane';
		const files: [string, string | Buffer, RegExp][] = [
			['broken.json', '{ "formatName": "cx-studio.journey", ', lang === 'en' ? /is not valid JSON/ : /不是有效的 JSON/],
			[
				'backup.json',
				JSON.stringify({ formatName: 'cx-studio.backup', formatVersion: 1 }),
				lang === 'en' ? /not a CX Studio journey map file/ : /不是 CX Studio 旅程地图文件/
			],
			[
				'newer.journey.json',
				readFileSync('tests/fixtures/journey/newer-version.journey.json'),
				lang === 'en' ? /newer version of CX Studio/ : /较新版本/
			],
			[
				'invalid.journey.json',
				readFileSync('tests/fixtures/journey/invalid-card.journey.json'),
				lang === 'en' ? /invalid card \d+ at “\w+/ : /第 \d+ 张卡片在“\w+/
			],
			[
				'dangling.journey.json',
				JSON.stringify(dangling),
				lang === 'en' ? /lane or step that does not exist \(card \d+\)/ : /不存在的泳道或步骤（第 \d+ 张卡片）/
			]
		];
		const before = JSON.stringify(await dump(page));
		const error = page.getByTestId('journey-import-error');
		for (const [name, body, reason] of files) {
			await page.getByTestId('journey-import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
			await expect(error).toContainText(name);
			await expect(error).toContainText(reason);
			await expect(error).toContainText(lang === 'en' ? 'Nothing was changed.' : '未做任何更改。');
		}
		expect(JSON.stringify(await dump(page))).toBe(before);
		await expect(page).toHaveURL(/\/journeys$/);
	});
}

test('exports: JSON re-imports into another workspace equal, CSV with BOM, SVG and PNG show markup as text, Mermaid', async ({
	page,
	watch
}) => {
	void watch;
	const dialogs = noDialogs(page);
	await startEmpty(page, 'en');
	const id = await importMap(page, mapFile('en'));
	const menu = page.getByTestId('export-menu');
	const save = async (format: string) => {
		await menu.click();
		const [dl] = await Promise.all([
			page.waitForEvent('download'),
			page
				.getByRole('menuitem')
				.and(page.locator(`[data-format=${format}]`))
				.click()
		]);
		return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
	};

	// Keyboard: the menu opens on the first item and Escape returns focus.
	await menu.click();
	await expect(page.getByRole('menuitem').first()).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('menuitem').nth(1)).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(menu).toBeFocused();

	const json = await save('json');
	expect(json.name).toMatch(/^Before\s+During\s+After contact\.json$/);
	const csv = await save('csv');
	expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	const csvText = csv.bytes.toString('utf8');
	expect(csvText).toContain('phase,stage,step,lane,text');
	expect(csvText).toContain('Orders at the counter');
	expect(csvText).toContain(XSS);

	const svg = await save('svg');
	const svgText = svg.bytes.toString('utf8');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return {
			error: doc.getElementsByTagName('parsererror').length,
			imgs: doc.getElementsByTagName('img').length + doc.querySelectorAll('[onerror]').length,
			text: doc.documentElement.textContent ?? '',
			width: Number(doc.documentElement.getAttribute('width')),
			height: Number(doc.documentElement.getAttribute('height'))
		};
	}, svgText);
	expect(parsed.error).toBe(0);
	expect(parsed.imgs).toBe(0);
	const flat = parsed.text.replace(/\s+/g, '');
	expect(flat).toContain(XSS.replace(/\s+/g, ''));
	for (const t of ['Orders at the counter', 'During contact', 'Waits for the drink']) expect(flat).toContain(t.replace(/\s+/g, ''));

	const png = await save('png');
	expect(png.name.endsWith('.png')).toBe(true);
	expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
	expect(png.bytes.readUInt32BE(20)).toBe(parsed.height * 2);

	await menu.click();
	await page.getByRole('menuitem').and(page.locator('[data-format=mermaid]')).click();
	const mmd = await page.getByTestId('mermaid-text').inputValue();
	expect(mmd.startsWith('journey\n  title Before / During / After contact\n')).toBe(true);
	expect(mmd).toContain('  section During contact');
	await page.getByTestId('mermaid-dialog').getByRole('button', { name: 'Close' }).click();

	// Re-import the JSON into a second workspace: equal modulo ids.
	await page.goto('/workspaces');
	await page.getByLabel('Workspace name').fill('Second shop');
	await page.getByLabel('Workspace name').press('Enter');
	await expect(page.getByTestId('workspace-item')).toHaveCount(2);
	await expect(page.getByRole('group', { name: 'Switch workspace' }).or(page.locator('.switcher'))).toContainText('Second shop');
	const id2 = await importMap(page, { name: json.name, mimeType: 'application/json', buffer: json.bytes });
	expect(id2).not.toBe(id);
	const db = await dump(page);
	const norm = (jid: string) => {
		const j = db.journeys.find((x) => x.id === jid) as Row & {
			stages: { name: string; steps: { id: string; name: string }[] }[];
			lanes: { id: string; type: string }[];
		};
		const stepIx = new Map(j.stages.flatMap((s) => s.steps).map((s, i) => [s.id, i]));
		const laneIx = new Map(j.lanes.map((l, i) => [l.id, i]));
		return {
			workspaceId: j.workspaceId,
			map: {
				title: j.title,
				kind: j.kind,
				stages: j.stages.map((s) => [s.name, s.steps.map((x) => x.name)]),
				lanes: j.lanes.map((l) => l.type)
			},
			cards: db.cards
				.filter((c) => c.journeyId === jid)
				.map((c) => [
					laneIx.get(c.laneId as string),
					stepIx.get(c.stepId as string),
					c.order,
					c.text,
					c.evidence,
					c.needType,
					c.votes,
					(c.opportunityIds as string[]).length
				])
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
		};
	};
	const a = norm(id);
	const b = norm(id2);
	expect(b.workspaceId).not.toBe(a.workspaceId);
	expect(b.map).toEqual(a.map);
	expect(b.cards).toEqual(a.cards);
	expect(dialogs).toEqual([]);
});

test('print: A3/A4 sheets with header, markup as text, the PDF fits its pages; axe clean', async ({ page, watch }) => {
	void watch;
	const dialogs = noDialogs(page);
	await startEmpty(page, 'zh-CN');
	const id = await importMap(page, mapFile('zh-CN'));
	await page.goto(`/journeys/${id}/print`);
	const sheets = page.getByTestId('print-sheet');
	await expect(sheets.first()).toBeVisible();
	await expect(sheets.first().getByRole('heading', { level: 1 })).toHaveText('接触前 / 接触中 / 接触后');
	await expect(sheets.first()).toContainText('第 1 页');
	await expect(page.getByTestId('print-card').filter({ hasText: XSS })).toHaveCount(1);
	expect(await page.locator('.print-root img').count()).toBe(0);
	expect(await axe(page), 'axe on print').toEqual([]);

	for (const paper of ['a3', 'a4'] as const) {
		await page.getByRole('radio', { name: paper === 'a3' ? 'A3 横向' : 'A4 横向' }).check();
		const n = await sheets.count();
		await expect(page.getByTestId('print-sheet-count')).toHaveText(`共 ${n} 页`);
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: paper === 'a3' ? 'A3' : 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
		await page.emulateMedia({ media: 'screen' });
		// One sheet per page: nothing spills onto an extra page.
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages, `${paper}: pages vs sheets`).toBe(n);
		if (existsSync('/usr/bin/pdftoppm')) {
			const dir = mkdtempSync(join(tmpdir(), 'jout-print-'));
			const file = join(dir, 'map.pdf');
			writeFileSync(file, pdf);
			execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', file, join(dir, 'p')]);
			const png = readFileSync(join(dir, existsSync(join(dir, 'p-1.png')) ? 'p-1.png' : 'p-01.png'));
			const w = png.readUInt32BE(16);
			const h = png.readUInt32BE(20);
			// Landscape A-series: width / height = √2.
			expect(w / h).toBeGreaterThan(1.38);
			expect(w / h).toBeLessThan(1.45);
			await test.info().attach(`print-${paper}-page1.png`, { body: png, contentType: 'image/png' });
		}
	}
	expect(dialogs).toEqual([]);
});
