// Persona figures refreshable when the data changes, both languages: CDNOW → segmentation → persona from Champions →
// the analysis date changes → the persona says its data changed → Refresh → the cited figures equal the segment's on
// the Segments page (undoable) → the analysis is deleted → Refresh says so and the figures stay. axe clean.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startEmpty, axe, navLink, waitSaved } from './fixtures';
import { backupWithDataset, fixtureDataset } from '../fixtures/segmentation/backup';
import { computeSegments } from '../../src/lib/workers/segments.compute';
import { readSegmentsParams } from '../../src/lib/domain/analytics/shared/segments-params';

const FILE = 'CDNOW_sample.txt';
const NEW_DATE = '1997-12-31';

async function champions(params: Record<string, unknown>) {
	const { tx } = await fixtureDataset(FILE);
	const { view } = await computeSegments({ tx }, readSegmentsParams(params));
	return view.segments.find((s) => s.key === 'Champions')!;
}

for (const lang of ['en', 'zh-CN'] as const) {
	test(`persona figures: stale after the analysis changes, refreshed to the segment's figures, deleted analysis kept (${lang})`, async ({
		page,
		watch
	}) => {
		test.setTimeout(60_000);
		void watch;
		const zh = lang === 'zh-CN';
		const num = (n: number) => new Intl.NumberFormat(lang).format(n);
		const pct = (n: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(n);
		const [before, after] = await Promise.all([champions({}), champions({ analysisDate: NEW_DATE })]);
		expect(after.customers).not.toBe(before.customers);

		const dir = mkdtempSync(join(tmpdir(), 'cx-persona-refresh-'));
		writeFileSync(`${dir}/backup.json`, await backupWithDataset(FILE, 'Refresh test'));
		await startEmpty(page, lang);
		await navLink(page, zh ? '设置' : 'Settings').click();
		await page.getByTestId('restore-input').setInputFiles(`${dir}/backup.json`);
		await expect(page.getByTestId('restore-result')).toHaveAttribute('data-ok', 'true');
		await page.evaluate(() => localStorage.setItem('cx.lastWorkspace', 'ws-seg'));

		// Segmentation (created and run on the first visit) → Champions → persona.
		await page.goto('/segments');
		const status = page.getByTestId('run-status');
		await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
		await page.locator('[data-testid=segment-bar][data-key="Champions"]').click();
		await expect(page.getByTestId('customer-count')).toContainText(num(before.customers));
		await waitSaved(page);
		await page.getByTestId('create-persona').click();
		await page.getByTestId('from-segment-dialog').locator('button[type=submit]').click();
		await expect(page).toHaveURL(/\/personas\/[^/]+$/);
		const personaUrl = page.url();
		const source = page.getByTestId('persona-source');
		await expect(source).toHaveAttribute('data-state', 'current');
		await expect(page.getByTestId('source-customers')).toHaveText(num(before.customers));
		await expect(page.getByTestId('source-stale')).toHaveCount(0);

		// The data changes: a new analysis date on the saved analysis.
		await page.goto('/segments');
		await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
		await page.getByTestId('analysis-date').fill(NEW_DATE);
		await page.getByTestId('analysis-date').dispatchEvent('change');
		await page.locator('[data-testid=segment-bar][data-key="Champions"]').click();
		await expect(page.getByTestId('customer-count')).toContainText(num(after.customers), { timeout: 30_000 });
		await expect(status).toHaveAttribute('data-state', 'done');
		const drillLine = (await page.getByTestId('drill').locator('.drill-head p.muted').first().textContent()) ?? '';
		expect(drillLine).toContain(pct(after.customerShare));
		expect(drillLine).toContain(pct(after.revenueShare));
		await waitSaved(page);

		// The persona says its data changed; Refresh cites the segment's new figures and says what changed.
		await page.goto(personaUrl);
		await expect(page.getByTestId('source-stale')).toBeVisible();
		await expect(page.getByTestId('source-stale')).toContainText(zh ? '数据已变化' : 'Data changed since');
		if (process.env.PERSONA_SHOTS) await shots(page, `stale-${lang}`);
		await page.getByTestId('source-refresh').click();
		await expect(page.getByTestId('source-changes')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByTestId('source-customers')).toHaveText(num(after.customers));
		const customerShare = (await page.getByTestId('source-customerShare').textContent())!.trim();
		const revenueShare = (await page.getByTestId('source-revenueShare').textContent())!.trim();
		expect(customerShare).toBe(pct(after.customerShare));
		expect(revenueShare).toBe(pct(after.revenueShare));
		expect(drillLine).toContain(customerShare);
		expect(drillLine).toContain(revenueShare);
		await expect(page.getByTestId('source-changes').locator('[data-field=customers]')).toContainText(
			`${num(before.customers)} → ${num(after.customers)}`
		);
		await expect(source).toHaveAttribute('data-state', 'current');
		await expect(page.getByTestId('source-stale')).toHaveCount(0);
		if (process.env.PERSONA_SHOTS) await shots(page, `refreshed-${lang}`);
		expect(await axe(page)).toEqual([]);

		// Undoable like any edit; redo brings the new figures back.
		await page
			.getByRole('button', { name: zh ? '撤销' : 'Undo', exact: true })
			.first()
			.click();
		await expect(page.getByTestId('source-customers')).toHaveText(num(before.customers));
		await page
			.getByRole('button', { name: zh ? '重做' : 'Redo', exact: true })
			.first()
			.click();
		await expect(page.getByTestId('source-customers')).toHaveText(num(after.customers));
		await waitSaved(page);

		// Bad case: the saved analysis is deleted → the notice says so, Refresh explains, the figures stay.
		await page.goto('/segments');
		await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
		await page
			.locator('.page-header, section')
			.getByRole('button', { name: zh ? '删除' : 'Delete', exact: true })
			.first()
			.click();
		await page
			.locator('.confirm')
			.getByRole('button', { name: zh ? '删除' : 'Delete', exact: true })
			.click();
		await expect(page.getByTestId('analysis-pick')).toHaveValue('');
		await page.goto(personaUrl);
		await expect(page.getByTestId('source-gone')).toBeVisible();
		await page.getByTestId('source-refresh').click();
		const err = page.getByTestId('source-error');
		await expect(err).toHaveAttribute('data-code', 'analysis-missing');
		await expect(err).toContainText(zh ? '已保存分析已被删除' : 'saved analysis these figures came from was deleted');
		await expect(page.getByTestId('source-customers')).toHaveText(num(after.customers));
		await expect(page.getByTestId('source-customerShare')).toHaveText(customerShare);
		if (process.env.PERSONA_SHOTS) await shots(page, `error-${lang}`);
		expect(await axe(page)).toEqual([]);
	});
}

/** Screenshots of the source block at a phone and a desktop width (PERSONA_SHOTS=<folder>). */
async function shots(page: Page, name: string) {
	const size = page.viewportSize();
	for (const width of [390, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.waitForTimeout(500);
		await page.getByTestId('persona-source').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${process.env.PERSONA_SHOTS}/${name}-${width}.png` });
	}
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.screenshot({ path: `${process.env.PERSONA_SHOTS}/${name}-1440-dark.png` });
	await page.emulateMedia({ colorScheme: 'light' });
	if (size) await page.setViewportSize(size);
}
