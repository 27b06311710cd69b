import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, startEmpty, waitSaved } from './fixtures';

test('a new version never reloads by itself: the banner flushes edits, then updates', async ({ page, watch }) => {
	void watch;
	await startEmpty(page);
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

	// Publish a "new version": a byte-different service worker.
	const swPath = `${process.env.CX_OUT ? `build-${process.env.CX_OUT}` : 'build'}/sw.js`;
	const original = readFileSync(swPath, 'utf8');
	try {
		writeFileSync(swPath, `${original}\n// new version ${Date.now()}\n`);
		await page.evaluate(() => {
			(window as unknown as { __marker: number }).__marker = 42;
		});
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await expect(page.getByTestId('banner-update')).toBeVisible({ timeout: 20_000 });
		// Still the same document: nothing reloaded on its own.
		await page.waitForTimeout(1500);
		expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

		await page.getByLabel('Description').fill('Typed just before updating');
		await Promise.all([page.waitForEvent('load'), page.getByTestId('banner-update').getByRole('button', { name: 'Update' }).click()]);
		expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
		await expect(page.getByLabel('Description')).toHaveValue('Typed just before updating');
		await waitSaved(page);
	} finally {
		writeFileSync(swPath, original);
	}
});
