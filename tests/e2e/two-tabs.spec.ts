import { test, expect, startEmpty, waitSaved } from './fixtures';

test('an edit in one tab shows in the other within 1 s, nothing lost', async ({ page, context, watch }) => {
	void watch;
	await startEmpty(page);
	await page.getByLabel('Workspace name').fill('Two tabs');
	await waitSaved(page);
	const other = await context.newPage();
	await other.goto('/');
	await expect(other.getByTestId('workspace-title')).toHaveText('Two tabs');

	await page.getByLabel('Description').fill('Written in tab A');
	await expect(other.getByLabel('Description')).toHaveValue('Written in tab A', { timeout: 1000 + 300 });

	// And back the other way, on another field, while A keeps its own edit.
	await other.getByLabel('Organisation').fill('Written in tab B');
	await expect(page.getByLabel('Organisation')).toHaveValue('Written in tab B', { timeout: 1300 });
	await expect(page.getByLabel('Description')).toHaveValue('Written in tab A');

	// A workspace created in B appears in A's switcher.
	await other.goto('/workspaces');
	await other.getByLabel('Workspace name').fill('Created in B');
	await other.getByRole('button', { name: 'Create' }).click();
	await page.getByTestId('workspace-switcher').click();
	await expect(page.getByRole('group', { name: 'Switch workspace' }).getByRole('button', { name: 'Created in B' })).toBeVisible({
		timeout: 1000
	});
});

test('a schema upgrade in another tab flushes this tab and asks to reload', async ({ page, watch }) => {
	void watch;
	await startEmpty(page);
	await page.getByLabel('Description').fill('Pending edit before upgrade');
	// Another tab (a newer build) opens the database with a higher version right away.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('cx-studio', 1000);
				req.onupgradeneeded = () => {};
				req.onsuccess = () => {
					req.result.close();
					resolve();
				};
				req.onerror = () => reject(req.error);
			})
	);
	await expect(page.getByTestId('banner-upgraded')).toBeVisible();
	const stored = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const req = indexedDB.open('cx-studio');
				req.onsuccess = () => {
					const q = req.result.transaction('workspaces').objectStore('workspaces').getAll();
					q.onsuccess = () => resolve((q.result[0] as { description: string }).description);
				};
			})
	);
	expect(stored).toBe('Pending edit before upgrade');
});
