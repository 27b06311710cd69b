// Custom channels: add one, use it, rename it (both languages), delete it while a touchpoint uses it (moved, undoable).
import { test, expect, startEmpty, axe, navLink } from './fixtures';
import type { Page } from '@playwright/test';

const SHOTS = process.env.SHOTS;

async function shot(page: Page, name: string) {
	if (!SHOTS) return;
	for (const width of [390, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
	}
	await page.setViewportSize({ width: 1366, height: 860 });
}

async function switchTo(page: Page, loc: 'en' | 'zh-CN') {
	await page.evaluate((l) => localStorage.setItem('cx.locale', l), loc);
	await page.reload();
}

test('a custom channel is added, used, renamed in both languages, and deleted by moving its touchpoint', async ({ page, watch }) => {
	void watch;
	await startEmpty(page, 'en');
	await navLink(page, 'Touchpoints').click();

	// Add "Kiosk" with a Chinese label from the channel manager.
	await page.getByTestId('manage-channels').click();
	let manage = page.getByTestId('channels-dialog');
	await expect(manage.getByText('No custom channels yet.')).toBeVisible();
	await expect(manage.getByRole('button', { name: /^Edit / })).toHaveCount(0);
	await manage.getByRole('button', { name: 'Add channel' }).click();
	let dlg = page.getByTestId('channel-dialog');
	await dlg.getByRole('button', { name: 'Add channel' }).click();
	await expect(dlg.getByRole('alert')).toHaveText('Enter a channel name.');
	await dlg.getByLabel('Channel name').fill('phone hotline');
	await dlg.getByRole('button', { name: 'Add channel' }).click();
	await expect(dlg.getByRole('alert')).toHaveText('A channel with this name already exists.');
	await dlg.getByLabel('Channel name').fill('Kiosk');
	await dlg.getByLabel('Offline').check();
	await dlg.getByLabel('Chinese label').fill('自助点单机');
	await dlg.getByRole('button', { name: 'Add channel' }).click();
	await expect(dlg).toHaveCount(0);
	manage = page.getByTestId('channels-dialog');
	await expect(manage.getByTestId('custom-channel')).toHaveCount(1);
	await expect(manage.getByTestId('custom-channel')).toContainText('Kiosk');
	await expect(manage.getByTestId('custom-channel')).toContainText('自助点单机');
	await expect(manage.getByTestId('custom-channel')).toContainText('Not used');
	await manage.getByRole('button', { name: 'Close', exact: true }).last().click();

	// Use it on a touchpoint.
	await page.getByRole('button', { name: 'New touchpoint' }).first().click();
	dlg = page.getByTestId('new-touchpoint');
	await dlg.getByRole('button', { name: 'Create and open' }).click();
	await expect(dlg.getByRole('alert')).toBeVisible();
	await dlg.getByLabel('Touchpoint').fill('Order at the kiosk');
	await dlg.getByLabel('Channel').selectOption({ label: 'Kiosk' });
	await dlg.getByLabel('Before contact').check();
	await dlg.getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByTestId('touchpoint-title')).toHaveText('Order at the kiosk');
	await page.getByRole('link', { name: 'Touchpoint register' }).click();
	const row = page.getByTestId('register-row');
	await expect(row).toContainText('Kiosk');

	// Rename: both labels. The register shows the new name.
	await page.getByTestId('manage-channels').click();
	manage = page.getByTestId('channels-dialog');
	await expect(manage.getByTestId('custom-channel')).toContainText('1 touchpoint');
	await manage.getByRole('button', { name: 'Edit Kiosk' }).click();
	dlg = page.getByTestId('channel-dialog');
	await expect(dlg.getByRole('heading', { name: 'Edit channel' })).toBeVisible();
	await expect(dlg.getByLabel('Channel name')).toHaveValue('Kiosk');
	await dlg.getByLabel('Channel name').fill('Store');
	await dlg.getByRole('button', { name: 'Save' }).click();
	await expect(dlg.getByRole('alert')).toHaveText('A channel with this name already exists.');
	await dlg.getByLabel('Channel name').fill('Self-order kiosk');
	await dlg.getByLabel('English label').fill('Self-order kiosk');
	await dlg.getByLabel('Chinese label').fill('自助点餐机');
	await dlg.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('channels-notice')).toContainText('Channel “Self-order kiosk” saved.');
	expect(await axe(page), 'channel manager en').toEqual([]);
	await shot(page, 'manage-en');
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('channels-dialog')).toHaveCount(0);
	await expect(row).toContainText('Self-order kiosk');

	// Chinese: the register shows the Chinese label; delete it while a touchpoint uses it.
	await switchTo(page, 'zh-CN');
	await expect(row).toContainText('自助点餐机');
	await page.getByTestId('manage-channels').click();
	manage = page.getByTestId('channels-dialog');
	await expect(manage.getByTestId('custom-channel')).toContainText('1 个触点');
	await expect(manage.getByTestId('builtin-channel').filter({ hasText: '客服热线' })).toContainText('未使用');
	// Built-in channels offer no edit or delete.
	await expect(manage.getByTestId('builtin-channel').getByRole('button')).toHaveCount(0);

	// Cancel changes nothing.
	await manage.getByRole('button', { name: '删除 自助点餐机' }).click();
	let del = page.getByTestId('delete-channel-dialog');
	await expect(del.getByTestId('channel-in-use')).toContainText('有 1 个触点使用“自助点餐机”');
	await del.getByRole('button', { name: '取消' }).click();
	await expect(del).toHaveCount(0);
	await expect(page.getByTestId('channels-dialog').getByTestId('custom-channel')).toHaveCount(1);

	await page.getByTestId('channels-dialog').getByRole('button', { name: '删除 自助点餐机' }).click();
	del = page.getByTestId('delete-channel-dialog');
	await del.getByRole('button', { name: '移动并删除' }).click();
	await expect(del.getByRole('alert')).toHaveText('请选择触点要移至的渠道。');
	expect(await axe(page), 'delete dialog zh').toEqual([]);
	await del.getByLabel('移至').selectOption({ label: '客服热线' });
	await shot(page, 'delete-zh');
	await del.getByRole('button', { name: '移动并删除' }).click();
	await expect(del).toHaveCount(0);
	manage = page.getByTestId('channels-dialog');
	await expect(manage.getByTestId('channels-notice')).toContainText('渠道“自助点餐机”已删除；1 个触点已移至客服热线。');
	await expect(manage.getByTestId('custom-channel')).toHaveCount(0);
	await expect(manage.getByTestId('builtin-channel').filter({ hasText: '客服热线' })).toContainText('1 个触点');

	// Undo brings the channel and the touchpoint's channel back; then delete for good.
	await manage.getByTestId('channels-notice').getByRole('button', { name: '撤销' }).click();
	await expect(manage.getByTestId('custom-channel')).toHaveCount(1);
	await expect(manage.getByTestId('custom-channel')).toContainText('1 个触点');
	await manage.getByRole('button', { name: '删除 自助点餐机' }).click();
	del = page.getByTestId('delete-channel-dialog');
	await del.getByLabel('移至').selectOption({ label: '客服热线' });
	await del.getByRole('button', { name: '移动并删除' }).click();
	await expect(manage.getByTestId('custom-channel')).toHaveCount(0);

	// An unused channel goes at once, with Undo.
	await manage.getByRole('button', { name: '添加渠道' }).click();
	dlg = page.getByTestId('channel-dialog');
	await dlg.getByLabel('渠道名称').fill('企业微信社群');
	await dlg.getByRole('button', { name: '添加渠道' }).click();
	await manage.getByRole('button', { name: '删除 企业微信社群' }).click();
	await expect(manage.getByTestId('channels-notice')).toContainText('渠道“企业微信社群”已删除。');
	await expect(manage.getByTestId('custom-channel')).toHaveCount(0);
	// The Delete button is gone: focus waits on Undo, so the keyboard can undo at once.
	await expect(manage.getByTestId('channels-notice').getByRole('button', { name: '撤销' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(manage.getByTestId('custom-channel')).toHaveCount(1);
	await expect(manage.getByTestId('custom-channel')).toContainText('企业微信社群');
	expect(await axe(page), 'channel manager zh').toEqual([]);
	await shot(page, 'manage-zh');
	await manage.getByRole('button', { name: '关闭' }).last().click();

	// The touchpoint now sits on the phone hotline, also after a reload.
	await page.reload();
	await expect(row).toContainText('客服热线');
	await row.getByRole('link', { name: 'Order at the kiosk' }).click();
	await expect(page.getByLabel('渠道', { exact: true })).toHaveValue('phoneHotline');
	await switchTo(page, 'en');
	await page.getByRole('link', { name: 'Touchpoint register' }).click();
	await page.getByTestId('manage-channels').click();
	await expect(page.getByTestId('channels-dialog').getByTestId('custom-channel')).toContainText('Not used');
	await shot(page, 'manage-en-final');
	if (SHOTS) {
		await page.evaluate(() => localStorage.setItem('cx.theme', 'dark'));
		await page.reload();
		await page.getByTestId('manage-channels').click();
		await page.getByTestId('channels-dialog').getByRole('button', { name: 'Delete 企业微信社群' }).click();
		await shot(page, 'manage-en-dark');
	}
});
