// Journey editor stories: build a map from the template, add/move cards by mouse and keyboard, emotions, links, coverage, undo/redo, reload, two tabs, outline, XSS, axe.
import type { Page } from '@playwright/test';
import { test, expect, startEmpty, openFresh, waitSaved, axe } from './fixtures';

const XSS = '<img src=x onerror=alert(1)>';

async function stepId(page: Page, name: string): Promise<string> {
	const id = await page.evaluate(
		(n) =>
			[...document.querySelectorAll<HTMLElement>('[data-step-header]')].find((h) => h.querySelector('input')?.value === n)?.dataset.stepId,
		name
	);
	expect(id, `step ${name}`).toBeTruthy();
	return id!;
}
const cell = (page: Page, lane: string, step: string) => page.locator(`[data-cell][data-lane-type="${lane}"][data-step-id="${step}"]`);
const card = (page: Page, text: string) => page.getByTestId('journey-card').filter({ hasText: text });
const cellOf = (page: Page, text: string) =>
	card(page, text).evaluate((el) => {
		const c = el.closest<HTMLElement>('[data-cell]')!;
		return `${c.dataset.laneType}|${c.dataset.stepId}`;
	});

async function newMapFromTemplate(page: Page, createLabel: RegExp) {
	await page.goto('/journeys');
	await page.getByTestId('new-map').first().click();
	await page.getByRole('button', { name: createLabel }).click();
	await expect(page).toHaveURL(/\/journeys\/[\w-]+$/);
	await expect(page.getByTestId('journey-grid')).toBeVisible();
}

test('build a map from the template: cards by mouse and keyboard, emotions, links, coverage, undo/redo, reload', async ({
	page,
	watch
}) => {
	void watch;
	await startEmpty(page, 'en');
	await page.goto('/journeys');
	await expect(page.getByText('No journey maps yet')).toBeVisible();
	expect(await axe(page)).toEqual([]);
	await newMapFromTemplate(page, /^Create$/);
	await expect(page.getByTestId('journey-title')).toHaveValue('Before / During / After contact');
	const order = await stepId(page, 'Order');
	const wait = await stepId(page, 'Wait');
	const enjoy = await stepId(page, 'Enjoy');

	// Add with the mouse ("+" in a cell), type, Enter finishes.
	await cell(page, 'painPoints', order).hover();
	await cell(page, 'painPoints', order).getByRole('button', { name: 'Add card: Pain points, Order' }).click();
	await page.getByTestId('card-text').fill('Cold tea');
	await page.keyboard.press('Enter');
	await expect(card(page, 'Cold tea')).toBeFocused();
	expect(await cellOf(page, 'Cold tea')).toBe(`painPoints|${order}`);

	// Keyboard move: Alt+→ moves to the next step.
	await page.keyboard.press('Alt+ArrowRight');
	expect(await cellOf(page, 'Cold tea')).toBe(`painPoints|${wait}`);
	await expect(card(page, 'Cold tea')).toBeFocused();

	// Mouse drag to another cell.
	const from = (await card(page, 'Cold tea').boundingBox())!;
	const to = (await cell(page, 'painPoints', enjoy).boundingBox())!;
	await page.mouse.move(from.x + 20, from.y + 10);
	await page.mouse.down();
	await page.mouse.move(from.x + 60, from.y + 20, { steps: 4 });
	await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
	await page.mouse.up();
	await expect.poll(() => cellOf(page, 'Cold tea')).toBe(`painPoints|${enjoy}`);

	// Add with the keyboard: focus a cell, Enter, type.
	await cell(page, 'opportunities', enjoy).click({ position: { x: 100, y: 12 } });
	await expect(cell(page, 'opportunities', enjoy)).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.type('Serve at the right temperature');
	await page.keyboard.press('Enter');
	expect(await cellOf(page, 'Serve at the right temperature')).toBe(`opportunities|${enjoy}`);

	// Emotions: keyboard on a point and a drag; the curve path follows.
	const path = page.getByTestId('emotion-path').first();
	const before = await path.getAttribute('d');
	const waitPoint = page.locator(`[data-testid="emotion-point"][data-step-id="${wait}"]`);
	await expect(waitPoint).toHaveAttribute('data-score', '-2');
	await waitPoint.focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(waitPoint).toHaveAttribute('data-score', '-3');
	await expect(waitPoint).toHaveAttribute('aria-valuetext', '−3');
	await expect(page.getByTestId('emotion-low')).toContainText('Wait');
	const orderPoint = page.locator(`[data-testid="emotion-point"][data-step-id="${order}"]`);
	const p = (await orderPoint.boundingBox())!;
	await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
	await page.mouse.down();
	await page.mouse.move(p.x + p.width / 2, p.y - 80, { steps: 5 });
	await page.mouse.up();
	expect(Number(await orderPoint.getAttribute('data-score'))).toBeGreaterThan(1);
	expect(await path.getAttribute('d')).not.toBe(before);

	// Coverage: the new pain point has no opportunity; the finding jumps to the card.
	await page.getByTestId('coverage-toggle').click();
	const panel = page.getByTestId('coverage-panel');
	const finding = panel.getByTestId('coverage-finding').filter({ hasText: 'Cold tea' });
	await expect(finding).toBeVisible();
	await finding.click();
	await expect(card(page, 'Cold tea')).toBeFocused();

	// Link pain point → opportunity in the card panel; the gap closes.
	await card(page, 'Cold tea').click();
	const inspector = page.getByTestId('card-inspector');
	await inspector.getByRole('checkbox', { name: /Serve at the right temperature/ }).check();
	await expect(finding).toHaveCount(0);
	await expect(card(page, 'Cold tea')).toHaveAccessibleName(/, 1 link/);

	// Typing a need: "Before contact" gains its implicit need and loses its only explicit one.
	const noImplicit = panel.getByTestId('coverage-finding').filter({ hasText: 'Before contact: no implicit needs' });
	const noExplicit = panel.getByTestId('coverage-finding').filter({ hasText: 'Before contact: no explicit needs' });
	await expect(noImplicit).toHaveCount(1);
	await expect(noExplicit).toHaveCount(0);
	await page.getByTestId('journey-card').filter({ hasText: 'Know the price and what is in it' }).click();
	await inspector.getByText('Implicit need').click();
	await expect(page.getByTestId('journey-card').filter({ hasText: 'Know the price and what is in it' })).toContainText('Implicit');
	await expect(noImplicit).toHaveCount(0);
	// The new gap jumps to the needs cell.
	await noExplicit.click();
	await expect(page.locator('[data-cell][data-lane-type="needs"]:focus')).toHaveCount(1);

	// Undo / redo: the need type, then the link.
	await page.keyboard.press('Control+z');
	await expect(page.getByTestId('journey-card').filter({ hasText: 'Know the price and what is in it' })).toContainText('Explicit');
	await page.keyboard.press('Control+z');
	await expect(panel.getByTestId('coverage-finding').filter({ hasText: 'Cold tea' })).toBeVisible();
	await page.keyboard.press('Control+Shift+z');
	await expect(panel.getByTestId('coverage-finding').filter({ hasText: 'Cold tea' })).toHaveCount(0);
	await page.getByTestId('redo').click();
	await expect(page.getByTestId('journey-card').filter({ hasText: 'Know the price and what is in it' })).toContainText('Implicit');

	// Reload keeps everything.
	await waitSaved(page);
	await page.reload();
	await expect(page.getByTestId('journey-grid')).toBeVisible();
	expect(await cellOf(page, 'Cold tea')).toBe(`painPoints|${enjoy}`);
	expect(await cellOf(page, 'Serve at the right temperature')).toBe(`opportunities|${enjoy}`);
	await expect(page.locator(`[data-testid="emotion-point"][data-step-id="${wait}"]`)).toHaveAttribute('data-score', '-3');
	await expect(card(page, 'Cold tea')).toHaveAccessibleName(/, 1 link/);
	await expect(page.getByTestId('journey-card').filter({ hasText: 'Know the price and what is in it' })).toContainText('Implicit');
});

test('zh-CN sample map: XSS shows as text in map and outline, paste, outline typing, axe clean', async ({ page, watch }) => {
	void watch;
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await openFresh(page, 'zh-CN');
	await page.getByRole('button', { name: /打开示例工作区/ }).click();
	await expect(page.getByTestId('overview')).toBeVisible();
	await page.goto('/journeys');
	await expect(page.getByRole('link', { name: '新会员首次到店' })).toBeVisible();
	expect(await axe(page)).toEqual([]);
	await page.getByRole('link', { name: '新会员首次到店' }).click();
	await expect(page.getByTestId('journey-grid')).toBeVisible();
	await expect(page.getByRole('textbox', { name: '阶段名称' }).first()).toHaveValue('接触前');
	await expect(card(page, '等了18分钟')).toHaveAccessibleName(/^痛点：\s*等了18分钟.*，步骤 等待，.*，7 票$/);
	expect(await axe(page)).toEqual([]);

	const wait = await stepId(page, '等待');
	await cell(page, 'thoughts', wait).click({ position: { x: 100, y: 12 } });
	await page.keyboard.press('Enter');
	await page.getByTestId('card-text').fill(XSS);
	await page.keyboard.press('Escape');
	await expect(card(page, XSS)).toHaveCount(1);
	await expect(card(page, XSS).locator('.text')).toHaveText(XSS);
	await expect(page.getByTestId('journey-grid').locator('img')).toHaveCount(0);

	// Plain text paste into a focused cell: one card per line.
	await cell(page, 'actions', wait).focus();
	await expect(cell(page, 'actions', wait)).toBeFocused();
	await page.evaluate(() => {
		const dt = new DataTransfer();
		dt.setData('text/plain', '看手机\n问店员还要多久');
		document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
	});
	await expect(cell(page, 'actions', wait).getByTestId('journey-card')).toHaveCount(3);
	// Copy a card and paste it into another cell (our own clipboard).
	await card(page, '看手机').click();
	await page.keyboard.press('Control+c');
	await cell(page, 'thoughts', await stepId(page, '点单')).focus();
	await page.keyboard.press('Control+v');
	await expect(card(page, '看手机')).toHaveCount(2);
	// Delete with the keyboard, undo brings it back.
	await card(page, '看手机').first().focus();
	await page.keyboard.press('Delete');
	await expect(card(page, '看手机')).toHaveCount(1);
	await page.keyboard.press('Control+z');
	await expect(card(page, '看手机')).toHaveCount(2);

	// Outline: the same map, XSS as text; Enter adds the next card.
	await page.getByTestId('view-outline').click();
	const outline = page.getByTestId('journey-outline');
	await expect(outline.getByRole('heading', { name: '接触中' })).toBeVisible();
	await expect(outline.locator('img')).toHaveCount(0);
	const values = await outline.getByTestId('outline-card').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
	expect(values).toContain(XSS);
	const first = outline.getByRole('textbox', { name: /想法 · 等待，第 1\/1 张卡片/ });
	await first.focus();
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('想快点拿到');
	await expect(outline.getByRole('textbox', { name: /想法 · 等待，第 2\/2 张卡片/ })).toHaveValue('想快点拿到');
	expect(await axe(page)).toEqual([]);
	await page.getByTestId('view-map').click();
	await expect(card(page, '想快点拿到')).toHaveCount(1);
	expect(dialogs).toBe(0);
});

test('two tabs see each other’s edits live', async ({ page, context, watch }) => {
	void watch;
	await startEmpty(page, 'en');
	await newMapFromTemplate(page, /^Create$/);
	const url = page.url();
	const other = await context.newPage();
	await other.goto(url);
	await expect(other.getByTestId('journey-grid')).toBeVisible();

	const wait = await stepId(page, 'Wait');
	await cell(page, 'thoughts', wait).click({ position: { x: 100, y: 12 } });
	await page.keyboard.press('Enter');
	await page.getByTestId('card-text').fill('Written in tab A');
	await page.keyboard.press('Enter');
	await expect(card(other, 'Written in tab A')).toBeVisible({ timeout: 3000 });

	await other.getByRole('textbox', { name: 'Stage name' }).first().fill('Discovery (B)');
	await expect(page.getByRole('textbox', { name: 'Stage name' }).first()).toHaveValue('Discovery (B)', { timeout: 3000 });
	await expect(card(page, 'Written in tab A')).toBeVisible();
});
