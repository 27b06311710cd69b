// Forecast & staffing, both languages: restore contact volumes → short series explained → daily Auto forecast + backtest →
// a holiday → 80/20 staffing plan → CSV; a 30-minute series → heatmap; the pyworkforce reference in the plan table; axe.
import { readFileSync } from 'node:fs';
import { test, expect, startEmpty, navLink, axe, waitSaved } from './fixtures';

const BACKUP = 'tests/fixtures/forecast/ui-backup.json';

const T = {
	en: {
		settings: 'Settings',
		forecast: 'Forecast',
		shortNote: /covers less than two full cycles of 7/,
		sentence: /^Over the last 8 weeks Auto \(recommended\) was off by [\d.]+% \(WAPE\); the 95% band held [\d.]+% of actuals\.$/,
		effect: /Store anniversary: (volume (rises|drops) by about|no clear change)/,
		peak: /^Peak .+ = \d+ agents/,
		csvHeader:
			'Date,Weekday,Interval,Forecast contacts,Agents needed,Staff to schedule,Service level,Average wait (s),Occupancy,Chance of waiting',
		done: 'Done',
		name: 'Name'
	},
	'zh-CN': {
		settings: '设置',
		forecast: '需求预测',
		shortNote: /不足两个完整周期（周期 7）|less than two/,
		sentence: /^在最近 8 周中，自动（推荐）的误差为 [\d.]+%（WAPE）；95% 区间覆盖了 [\d.]+% 的实际值。$/,
		effect: /店庆：量(上升|下降|没有明显变化)/,
		peak: /^峰值 .+ = \d+ 人/,
		csvHeader: '日期,星期,时段,预测咨询量,',
		done: '完成',
		name: '名称'
	}
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
	test(`forecast and staff contact volumes (${lang})`, async ({ page, watch }) => {
		void watch;
		const L = T[lang];
		await startEmpty(page, lang);
		await navLink(page, L.settings).click();
		await page.getByTestId('restore-input').setInputFiles(BACKUP);
		await expect(page.getByTestId('restore-result')).toHaveAttribute('data-ok', 'true');
		await navLink(page, L.forecast).click();
		await expect(page.getByTestId('forecast-empty')).toBeVisible();

		// A new forecast opens on the newest dataset: 10 days is too short for a weekly pattern — explained, not an error.
		await page.getByTestId('new-forecast').click();
		await expect(page.getByTestId('forecast-notes')).toContainText(lang === 'en' ? L.shortNote : /7/);
		await expect(page.getByTestId('forecast-error')).toHaveCount(0);
		await expect(page.getByTestId('forecast-model')).toBeVisible();

		// Daily history, 2 years: Auto with a backtest in plain words, well under a second of worker time.
		await page.locator('#fc-source').selectOption({ label: 'Hotline calls per day 热线日来电' });
		await expect(page.locator('#fc-interval')).toHaveValue('day');
		await expect(page.getByTestId('backtest-sentence')).toHaveText(L.sentence, { timeout: 30_000 });
		const ms = Number(await page.getByTestId('worker-time').getAttribute('data-ms'));
		expect(ms).toBeGreaterThan(0);
		expect(ms).toBeLessThan(1000);
		await expect(page.getByTestId('forecast-svg').locator('path.forecast')).toHaveCount(1);
		await expect(page.getByTestId('forecast-svg').locator('circle.outlier')).not.toHaveCount(0);

		// Add a holiday: the store anniversary every 8 March.
		await page.getByTestId('edit-events').click();
		const dialog = page.getByTestId('events-dialog');
		await dialog.getByTestId('add-holiday').click();
		await dialog
			.getByRole('textbox', { name: L.name })
			.last()
			.fill(lang === 'en' ? 'Store anniversary' : '店庆');
		await dialog.locator('textarea').last().fill('2024-01-20\n2025-01-20\n2026-01-20');
		await dialog.getByRole('button', { name: L.done }).click();
		await expect(page.getByTestId('forecast-notes')).toContainText(L.effect, { timeout: 20_000 });
		// …and marked on the chart where it falls inside the forecast.
		await expect(
			page.getByTestId('forecast-svg').locator('.ev-flag text', { hasText: lang === 'en' ? 'Store anniversary' : '店庆' })
		).toHaveCount(1);

		// Staffing for 80% in 20 s (the defaults), export the plan.
		await expect(page.locator('#st-sl')).toHaveValue('80');
		await expect(page.locator('#st-t')).toHaveValue('20');
		await expect(page.getByTestId('staff-summary').locator('.peak')).toHaveText(L.peak);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toContain(L.csvHeader);
		expect(csv.split('\r\n').length).toBeGreaterThan(28 * 24);
		expect(await axe(page)).toEqual([]);

		// Intraday: 30-minute calls → day × slot heatmap.
		await page.locator('#fc-source').selectOption({ label: 'Calls per half hour 半小时来电' });
		await page.locator('#fc-interval').selectOption('30min');
		await expect(page.getByTestId('staffing-heatmap')).toBeVisible({ timeout: 20_000 });
		await expect(page.getByTestId('forecast-model')).toContainText('48/336');
		await expect(page.getByTestId('staff-summary').locator('.peak')).toHaveText(L.peak);
		// The data's own handle time (last four weeks, weighted by contacts) is offered: one click to use, Ctrl+Z to go back.
		const ahtBox = page.locator('#st-aht + input');
		const before = await ahtBox.inputValue();
		const hint = page.getByTestId('data-aht');
		await expect(hint).toBeVisible();
		const dataAht = (await hint.getAttribute('data-aht'))!;
		expect(Number(dataAht)).toBeGreaterThan(0);
		await page.getByTestId('use-data-aht').click();
		await expect(ahtBox).toHaveValue(dataAht);
		await expect(hint.locator('.badge')).toBeVisible();
		await page.keyboard.press('Control+z');
		await expect(ahtBox).toHaveValue(before);
		await expect(page.getByTestId('staff-summary').locator('.peak')).toHaveText(L.peak);
		expect(await axe(page)).toEqual([]);
		await waitSaved(page);

		// Reopen: the saved result comes back without recomputing.
		await page.reload();
		await expect(page.getByTestId('forecast-model')).toContainText('48/336');
		await expect(page.getByTestId('staffing-heatmap')).toBeVisible();
	});
}

test('pasted numbers: the pyworkforce Erlang C reference (100 calls / 30 min, AHT 180 s, 80/20, 30% shrinkage → 14 and 20)', async ({
	page,
	watch
}) => {
	void watch;
	await startEmpty(page, 'en');
	await navLink(page, 'Forecast').click();
	await page.getByTestId('new-forecast').click();
	await expect(page.locator('#fc-source')).toHaveValue('__paste');
	await page.locator('#fc-interval').selectOption('30min');
	const lines = ['start,calls'];
	for (let d = 5; d <= 6; d++)
		for (let s = 0; s < 48; s++) lines.push(`2026-01-0${d} ${String(Math.floor(s / 2)).padStart(2, '0')}:${s % 2 ? '30' : '00'},100`);
	await page.locator('#fc-paste').fill(lines.join('\n'));
	await page.locator('#fc-horizon').fill('18');
	await page.locator('#fc-horizon').dispatchEvent('change');
	await expect(page.getByTestId('forecast-model')).toBeVisible({ timeout: 20_000 });
	await page.getByLabel('Average handling time in seconds').fill('180');
	await page.getByLabel('Average handling time in seconds').dispatchEvent('change');
	await page.getByTestId('plan-table-toggle').click();
	const row = page.getByTestId('plan-table').locator('tbody tr').first();
	await expect(row.locator('td').nth(0)).toHaveText('100');
	await expect(row.locator('td').nth(1)).toHaveText('14');
	await expect(row.locator('td').nth(2)).toHaveText('20');
	await expect(row.locator('td').nth(3)).toHaveText('88.8%');
	await expect(row.locator('td').nth(5)).toHaveText('71.4%');
	await expect(row.locator('td').nth(6)).toHaveText('17.4%');
	// What-if: 40% shrinkage needs 24 on the schedule for the same 14 on the phones.
	await page.locator('#st-shr').fill('40');
	await expect(row.locator('td').nth(2)).toHaveText('24');
	await expect(row.locator('td').nth(1)).toHaveText('14');
});
