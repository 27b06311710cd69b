import { test, expect, startEmpty, axe, ROUTES, navLink } from './fixtures';

test('language switch is remembered and changes every string', async ({ page, watch }) => {
	void watch;
	await startEmpty(page);
	await page.getByRole('button', { name: '切换到中文' }).click();
	await expect(navLink(page, '设置')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await page.reload();
	await expect(navLink(page, '设置')).toBeVisible();
	await page.getByRole('button', { name: 'Switch to English' }).click();
	await expect(navLink(page, 'Settings')).toBeVisible();
});

test('default language follows the browser', async ({ browser }) => {
	const ctx = await browser.newContext({ locale: 'zh-CN' });
	const page = await ctx.newPage();
	await page.goto('/');
	await expect(page.getByRole('button', { name: '从空白开始' })).toBeVisible();
	await ctx.close();
});

test('the pseudo-locale finds no hard-coded text on any route', async ({ page, watch }) => {
	void watch;
	await page.addInitScript(() => localStorage.setItem('cx.locale', 'en-XA'));
	await page.goto('/');
	// Also check the first-run screen, then create a workspace whose user text is itself bracketed.
	const leaks = async () =>
		page.evaluate(() => {
			const bad: string[] = [];
			const letters = /[A-Za-z\u4e00-\u9fff]/;
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const text = n.textContent ?? '';
				const el = n.parentElement;
				if (!el || !letters.test(text) || el.closest('script,style,[data-fmt],textarea')) continue;
				if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
				const whole = el.textContent ?? '';
				if (!(text.includes('⟦') || text.includes('⟧') || (whole.includes('⟦') && whole.includes('⟧')))) bad.push(text.trim());
			}
			for (const el of Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]'))) {
				for (const a of ['aria-label', 'title', 'placeholder']) {
					const v = el.getAttribute(a);
					if (v && letters.test(v) && !v.includes('⟦')) bad.push(`${a}=${v}`);
				}
			}
			if (!document.title.includes('⟦')) bad.push(`title=${document.title}`);
			return bad;
		});
	await expect(page.getByTestId('welcome')).toBeVisible();
	expect(await leaks()).toEqual([]);
	await page.getByTestId('welcome').getByRole('button').first().click();
	await page.locator('#ws-name').fill('⟦Pseudo workspace⟧');
	await page.locator('#ws-org').fill('⟦Org⟧');
	for (const route of ROUTES) {
		await page.goto(route);
		await expect(page.locator('main h1:visible').first()).toBeVisible();
		expect(await leaks(), route).toEqual([]);
	}
});

for (const lang of ['en', 'zh-CN'] as const) {
	for (const themeName of ['light', 'dark'] as const) {
		test(`axe: no serious or critical violations on any route (${lang}, ${themeName})`, async ({ page, watch }) => {
			void watch;
			await page.addInitScript(
				([l, th]) => {
					localStorage.setItem('cx.locale', l);
					localStorage.setItem('cx.theme', th);
				},
				[lang, themeName]
			);
			await page.goto('/');
			await expect(page.getByTestId('welcome')).toBeVisible();
			expect(await axe(page), 'welcome').toEqual([]);
			await page.getByTestId('welcome').getByRole('button').nth(1).click();
			await expect(page.getByTestId('overview')).toBeVisible();
			for (const route of ROUTES) {
				await page.goto(route);
				await expect(page.locator('main h1:visible').first()).toBeVisible();
				expect(await axe(page), route).toEqual([]);
			}
		});
	}
}
