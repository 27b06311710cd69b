import { test, expect, startEmpty, waitSaved, navLink } from './fixtures';

test.describe('workspaces', () => {
	test('first run → create → reload → still there; rename, duplicate, delete, restore from trash', async ({ page, watch }) => {
		void watch;
		await startEmpty(page);
		const name = page.getByLabel('Workspace name');
		await name.fill('Harbour Tea House');
		await waitSaved(page);
		await page.reload();
		await expect(page.getByTestId('workspace-title')).toHaveText('Harbour Tea House');

		await navLink(page, 'Workspaces').click();
		await page.getByRole('button', { name: 'Rename: Harbour Tea House' }).click();
		await page.getByLabel('Rename “Harbour Tea House”').fill('Tea House HQ');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByRole('heading', { name: 'Tea House HQ' })).toBeVisible();

		await page.getByRole('button', { name: 'Duplicate: Tea House HQ' }).click();
		await expect(page.getByRole('heading', { name: 'Tea House HQ (copy)' })).toBeVisible();
		await expect(page.getByTestId('workspace-item')).toHaveCount(2);

		await page.getByRole('button', { name: 'Delete: Tea House HQ (copy)' }).click();
		await expect(page.getByTestId('workspace-item')).toHaveCount(1);
		await expect(page.getByTestId('trash-item')).toHaveCount(1);
		await page.reload();
		await expect(page.getByTestId('trash-item')).toContainText('Tea House HQ (copy)');
		await page.getByRole('button', { name: 'Restore: Tea House HQ (copy)' }).click();
		await expect(page.getByTestId('workspace-item')).toHaveCount(2);
		await expect(page.getByTestId('trash-item')).toHaveCount(0);

		// The switcher opens the other workspace; the last used one opens on start.
		await page.getByTestId('workspace-switcher').click();
		await page.getByRole('group', { name: 'Switch workspace' }).getByRole('button', { name: 'Tea House HQ (copy)' }).click();
		await expect(page.getByTestId('workspace-title')).toHaveText('Tea House HQ (copy)');
		await page.reload();
		await expect(page.getByTestId('workspace-title')).toHaveText('Tea House HQ (copy)');
	});

	test('the sample workspace opens in Chinese and undo/redo works on its description', async ({ page, watch }) => {
		void watch;
		await page.addInitScript(() => localStorage.setItem('cx.locale', 'zh-CN'));
		await page.goto('/');
		await page.getByRole('button', { name: /打开示例工作区/ }).click();
		await expect(page.getByTestId('workspace-title')).toContainText('港湾茶舍');
		const org = page.getByLabel('组织');
		const before = await org.inputValue();
		await org.fill(before + '，新增外卖');
		await page.getByRole('button', { name: '撤销' }).click();
		await expect(org).toHaveValue(before);
		await page.getByRole('button', { name: '重做' }).click();
		await expect(org).toHaveValue(before + '，新增外卖');
		await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
		await page.reload();
		await expect(page.getByLabel('组织')).toHaveValue(before + '，新增外卖');
	});
});
