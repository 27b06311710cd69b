import { test, expect, startEmpty, waitSaved } from './fixtures';
import type { Page } from '@playwright/test';

/** Everything in the database, read with raw IndexedDB. */
function dump(page: Page) {
	return page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const req = indexedDB.open('cx-studio');
				req.onsuccess = async () => {
					const db = req.result;
					const out: Record<string, unknown> = { version: db.version };
					for (const name of Array.from(db.objectStoreNames)) {
						out[name] = await new Promise((r) => {
							const q = db.transaction(name).objectStore(name).getAll();
							q.onsuccess = () => r(q.result);
						});
					}
					db.close();
					resolve(JSON.stringify(out));
				};
			})
	);
}

test('data newer than the code opens read-only and makes zero writes', async ({ page, watch }) => {
	void watch;
	await startEmpty(page);
	await page.getByLabel('Workspace name').fill('Future data');
	await waitSaved(page);
	// A newer build stamped the data with schemaVersion 99.
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const req = indexedDB.open('cx-studio');
				req.onsuccess = () => {
					const tx = req.result.transaction('meta', 'readwrite');
					tx.objectStore('meta').put({ key: 'schemaVersion', value: 99 });
					tx.oncomplete = () => {
						req.result.close();
						resolve();
					};
				};
			})
	);
	await page.reload();
	await expect(page.getByTestId('banner-readonly')).toBeVisible();
	await expect(page.getByTestId('save-status')).toContainText('Read-only');
	const before = await dump(page);
	// Try to change things: fields are read-only, buttons that write are disabled.
	await expect(page.getByLabel('Workspace name')).toHaveAttribute('readonly', '');
	await page
		.getByLabel('Description')
		.type('x', { timeout: 2000 })
		.catch(() => {});
	await page.goto('/workspaces');
	await expect(page.getByRole('button', { name: 'Create' })).toBeDisabled();
	await expect(page.getByRole('button', { name: /^Delete:/ })).toBeDisabled();
	await page.goto('/settings');
	await page.waitForTimeout(500);
	expect(await dump(page)).toBe(before);
});

test('a full disk on save: banner, earlier data intact, edit kept, retry succeeds', async ({ page, watch }) => {
	void watch;
	// Test-only fault: object-store writes throw QuotaExceededError while window.__failQuota is set.
	await page.addInitScript(() => {
		const w = window as unknown as { __failQuota: boolean };
		w.__failQuota = false;
		for (const m of ['put', 'add'] as const) {
			const orig = IDBObjectStore.prototype[m];
			IDBObjectStore.prototype[m] = function (this: IDBObjectStore, ...args: Parameters<typeof orig>) {
				if (w.__failQuota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return orig.apply(this, args);
			} as typeof orig;
		}
	});
	await startEmpty(page);
	await page.getByLabel('Workspace name').fill('Saved before');
	await waitSaved(page);
	await page.evaluate(() => ((window as unknown as { __failQuota: boolean }).__failQuota = true));
	await page.getByLabel('Workspace name').fill('Typed while full');
	await expect(page.getByTestId('banner-storage-full')).toBeVisible();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
	await expect(page.getByLabel('Workspace name')).toHaveValue('Typed while full');
	expect(await dump(page)).toContain('Saved before');
	expect(await dump(page)).not.toContain('Typed while full');

	await page.evaluate(() => ((window as unknown as { __failQuota: boolean }).__failQuota = false));
	await page.getByTestId('banner-storage-full').getByRole('button', { name: 'Retry' }).click();
	await expect(page.getByTestId('banner-storage-full')).toBeHidden();
	await waitSaved(page);
	await page.reload();
	await expect(page.getByLabel('Workspace name')).toHaveValue('Typed while full');
});

test('no IndexedDB: a plain screen explains what to do', async ({ page, watch }) => {
	void watch;
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await page.goto('/');
	await expect(page.getByTestId('no-db')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'CX Studio cannot store data in this browser' })).toBeVisible();
});

test('a crash shows "Download backup" and "Reload", never "clear data"', async ({ page }) => {
	await startEmpty(page);
	await page.evaluate(() =>
		setTimeout(() => {
			throw new Error('Simulated bug');
		})
	);
	await expect(page.getByTestId('crash-screen')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Download backup' })).toBeEnabled();
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
	await expect(page.getByText(/clear/i)).toHaveCount(0);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^cx-studio-backup-all-/);
});

test('the benign "ResizeObserver loop" notice never shows the crash screen', async ({ page }) => {
	await startEmpty(page);
	await page.evaluate(() =>
		window.dispatchEvent(new ErrorEvent('error', { message: 'ResizeObserver loop completed with undelivered notifications.' }))
	);
	await page.waitForTimeout(300);
	await expect(page.getByTestId('crash-screen')).toHaveCount(0);
	await expect(page.getByTestId('overview')).toBeVisible();
});
