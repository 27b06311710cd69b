import { test, expect, startEmpty, waitSaved, ROUTES } from './fixtures';

test('offline cold start on every route after one online visit, with zero network requests', async ({ page, context, watch }) => {
	void watch;
	await startEmpty(page);
	await page.getByLabel('Workspace name').fill('Offline shop');
	await waitSaved(page);
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
	// prompt mode does not claim clients: the next load is the first controlled one.
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await page.close();

	await context.setOffline(true);
	const network: string[] = [];
	context.on('requestfailed', (r) => network.push(`failed ${r.url()}`));
	context.on('response', (r) => {
		if (!r.fromServiceWorker() && !r.url().startsWith('data:')) network.push(`network ${r.url()}`);
	});
	for (const route of ROUTES) {
		const p = await context.newPage();
		await p.goto(route);
		await expect(p.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
		await expect(p.getByTestId('workspace-switcher')).toContainText('Offline shop');
		await p.close();
	}
	// Client-side navigation offline, and an unknown deep link gets the friendly 404.
	const p = await context.newPage();
	await p.goto('/');
	await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
	await expect(p.getByTestId('settings-page')).toBeVisible();
	await p.goto('/no/such/page');
	await expect(p.getByTestId('not-found')).toBeVisible();
	expect(network).toEqual([]);
	await context.setOffline(false);
});
