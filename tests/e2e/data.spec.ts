// Data import stories: each dataset kind, fixing a mapping, the quality report with row numbers, cancel (nothing stored), saved mappings, GB18030, re-import, export, delete + Undo; axe on every step.
import { test, expect, startEmpty, axe } from './fixtures';
import type { Page } from '@playwright/test';

const FX = 'tests/fixtures/csv/';

async function noSeriousAxe(page: Page) {
	expect(await axe(page)).toEqual([]);
}

async function openWizard(page: Page) {
	await page.goto('/data/import');
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'file');
}

/** Choose a file, read it, and land on the mapping step. */
async function readFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
	await page.getByTestId('file-input').setInputFiles(typeof file === 'string' ? FX + file : file);
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'read');
	await page.getByTestId('read-file').click();
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'map');
	// keyboard and screen-reader users land on the new step's heading (moved there once it is painted)
	await expect(page.locator('h2.step-title')).toBeFocused();
}

async function checkAndSave(page: Page) {
	await page.getByTestId('check-data').click();
	await expect(page.getByTestId('quality-report')).toBeVisible();
	await page.getByTestId('to-save').click();
	await page.getByTestId('save-dataset').click();
	await expect(page.getByTestId('import-success')).toBeVisible();
}

function csv(name: string, text: string) {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

test('en: transactions with a fixed mapping, quality report by row, saved mapping reused, append, export, delete + Undo', async ({
	page,
	watch
}) => {
	void watch;
	await startEmpty(page, 'en');
	await page.goto('/data');
	await expect(page.getByTestId('data-empty')).toBeVisible();
	await noSeriousAxe(page);

	await openWizard(page);
	await noSeriousAxe(page);
	// bad rows: row 3 amount is text, row 4 has no customer
	const bad =
		'customer_id,order_date,revenue,store\nC1,2024-01-02,12.50,North\nC2,2024-01-03,abc,North\n,2024-01-04,9,South\nC1,2024-02-01,20,South\n';
	await page.getByTestId('file-input').setInputFiles(csv('orders-jan.csv', bad));
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'read');
	await expect(page.getByRole('table')).toContainText('C2');
	// the whole file is read while the user looks at the preview: "Read file" then only shows the result
	await expect(page.getByTestId('read-ahead')).toHaveAttribute('data-done', 'true');
	await expect(page.getByTestId('read-ahead')).toHaveText('Already read: 4 rows');
	await noSeriousAxe(page);
	await page.getByTestId('read-file').click();
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'map');
	await noSeriousAxe(page);

	// fix a mapping: ignore the amount column → "required" message; map it back
	await page.getByTestId('map-revenue').selectOption('');
	await expect(page.getByTestId('missing-fields')).toContainText('Amount');
	await expect(page.getByTestId('check-data')).toBeDisabled();
	await page.getByTestId('map-revenue').selectOption('amount');
	await page.getByTestId('map-store').selectOption('store');
	await expect(page.getByTestId('missing-fields')).toHaveCount(0);
	// a complete mapping that rests is built ahead; Check then only shows the report
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-prebuilt', 'true');

	await page.getByTestId('check-data').click();
	const report = page.getByTestId('quality-report');
	await expect(report).toBeVisible();
	await expect(page.getByTestId('rows-rejected')).toHaveText('2');
	await expect(page.getByTestId('rejections')).toContainText('Row 3: “abc” in “revenue” is not a number.');
	await expect(page.getByTestId('rejections')).toContainText('Row 4: “customer_id” is empty.');
	await noSeriousAxe(page);

	await page.getByTestId('to-save').click();
	await expect(page.getByLabel('Dataset name')).toHaveValue('orders-jan');
	await noSeriousAxe(page);
	await page.getByTestId('save-dataset').click();
	await expect(page.getByTestId('import-success')).toContainText('2 rows of Transactions');
	await page.getByTestId('remember-mapping').click();
	await expect(page.getByText('Mapping saved')).toBeVisible();
	await noSeriousAxe(page);

	// next month's file, same columns: the saved mapping fills in, appended to the same dataset
	await page.goto('/data');
	await expect(page.getByTestId('dataset-row')).toHaveCount(1);
	await page.getByRole('button', { name: 'Re-import' }).click();
	await page.getByRole('radio', { name: /Append/ }).check();
	await page.getByRole('link', { name: 'Choose file…' }).click();
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'file');
	await page
		.getByTestId('file-input')
		.setInputFiles(csv('orders-feb.csv', 'customer_id,order_date,revenue,store\nC3,2024-03-01,5,East\nC1,2024-03-02,7,North\n'));
	await expect(page.getByTestId('saved-mapping-note')).toContainText('Using your saved mapping');
	await page.getByTestId('read-file').click();
	await expect(page.getByTestId('map-store')).toHaveValue('store');
	await checkAndSave(page);
	await page.goto('/data');
	await expect(page.getByTestId('dataset-row')).toContainText('4 rows');
	await expect(page.getByTestId('dataset-row')).toContainText('orders-feb.csv');

	// export back to CSV: UTF-8 BOM, header from the source columns
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	const file = await (await download).path();
	const text = (await import('node:fs')).readFileSync(file, 'utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	expect(text).toContain('customer_id');
	expect(text.trim().split('\r\n')).toHaveLength(5);

	// quality report again, then delete with Undo
	await page.getByRole('button', { name: 'Quality report' }).click();
	await expect(page.getByTestId('report-dialog')).toBeVisible();
	await noSeriousAxe(page);
	await page.getByRole('button', { name: 'Close' }).first().click();
	await page.getByRole('button', { name: /Delete “orders-jan”/ }).click();
	await expect(page.getByTestId('data-empty')).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('dataset-row')).toContainText('4 rows');
});

test('en: cancel a big import midway — nothing is stored; errors for xlsx and empty files', async ({ page, watch }) => {
	void watch;
	await startEmpty(page, 'en');
	await openWizard(page);
	await page.getByTestId('file-input').setInputFiles(FX + 'xlsx-renamed.csv');
	await expect(page.getByTestId('import-error')).toContainText('Save As');
	await page.getByTestId('file-input').setInputFiles(FX + 'empty.csv');
	await expect(page.getByTestId('import-error')).toContainText('is empty');

	// ~30 MB of transactions
	const lines = ['customer_id,date,amount'];
	for (let i = 0; i < 1_150_000; i++)
		lines.push(
			`C${(i * 7919) % 90000},2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${(i % 997) + 0.5}`
		);
	const big = csv('big.csv', lines.join('\n'));
	expect(big.buffer.length).toBeGreaterThan(25e6);
	await page.getByTestId('file-input').setInputFiles(big);
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'read');
	await page.getByTestId('read-file').click();
	const progress = page.getByTestId('parse-progress');
	await expect(progress).toBeVisible();
	await expect(progress.getByRole('progressbar')).toBeVisible();
	await page.getByTestId('cancel-parse').click();
	await expect(progress).toHaveCount(0);
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'read');
	await page.goto('/data');
	await expect(page.getByTestId('data-empty')).toBeVisible();

	// the CDNOW sample: no header, runs of spaces; typed guess finds customer, date, amount
	await openWizard(page);
	await readFile(page, 'CDNOW_sample.txt');
	await expect(page.getByRole('radio', { name: /Transactions/ })).toBeChecked();
	await page.getByTestId('check-data').click();
	await expect(page.getByTestId('quality-report')).toContainText('2,357');
	await expect(page.getByTestId('quality-report')).toContainText('6,919');

	// storage full while saving: a clear message, nothing half-written
	await page.getByTestId('to-save').click();
	await page.evaluate(() => {
		IDBObjectStore.prototype.add = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await page.getByTestId('save-dataset').click();
	await expect(page.getByTestId('import-error')).toHaveAttribute('data-code', 'storage-full');
	await expect(page.getByTestId('import-error')).toContainText('earlier datasets are unchanged');
	await page.goto('/data');
	const stored = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const req = indexedDB.open('cx-studio');
				req.onsuccess = () => {
					const db = req.result;
					const tx = db.transaction('chunks', 'readonly');
					const c = tx.objectStore('chunks').count();
					c.onsuccess = () => resolve(c.result);
				};
				req.onerror = () => resolve(-1);
			})
	);
	expect(stored).toBe(0);
});

test('zh-CN: GB18030 Chinese, customer list, contact volumes, raw contact log aggregated, ambiguous dates asked', async ({
	page,
	watch
}) => {
	void watch;
	await startEmpty(page, 'zh-CN');
	await openWizard(page);
	await noSeriousAxe(page);

	// GB18030 file reads as Chinese
	await page.getByTestId('file-input').setInputFiles(FX + 'gb18030.csv');
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'read');
	await expect(page.getByRole('columnheader', { name: '客户' })).toBeVisible();
	await expect(page.getByLabel('编码')).toHaveValue('gb18030');
	// read ahead with the chosen options; changing one reads again
	await expect(page.getByTestId('read-ahead')).toHaveText('已读完：2 行');
	await page.getByLabel('第一行是列名').uncheck();
	await expect(page.getByTestId('read-ahead')).toHaveText('已读完：3 行');
	await page.getByLabel('第一行是列名').check();
	await expect(page.getByTestId('read-ahead')).toHaveText('已读完：2 行');
	await page.getByTestId('read-file').click();
	await checkAndSave(page);

	// customer list (会员号 …), unmapped columns kept as attributes
	await openWizard(page);
	await readFile(page, 'customers.csv');
	await page.getByRole('radio', { name: /客户名单/ }).check();
	await expect(page.getByTestId('map-会员号')).toHaveValue('customerId');
	await noSeriousAxe(page);
	await checkAndSave(page);

	// contact volumes: one row per day with a count
	await openWizard(page);
	await readFile(page, csv('calls.csv', '日期,来电量\n2024-05-01,120\n2024-05-02,98\n2024-05-03,143\n'));
	await expect(page.getByRole('radio', { name: /来电\/咨询量/ }).first()).toBeChecked();
	await checkAndSave(page);

	// raw contact log → counted per 60 minutes
	await openWizard(page);
	await readFile(page, 'contact-log.csv');
	await page.getByLabel('来电量统计周期').selectOption('60min');
	await page.getByTestId('check-data').click();
	await expect(page.getByTestId('quality-report')).toContainText('60 分钟');
	await page.getByTestId('to-save').click();
	await page.getByTestId('save-dataset').click();
	await expect(page.getByTestId('import-success')).toBeVisible();

	// D/M vs M/D cannot be told from the file: the user is asked, with examples
	await openWizard(page);
	await readFile(page, 'dates-ambiguous.csv');
	await expect(page.getByTestId('date-question')).toContainText('03/04/2024');
	await expect(page.getByTestId('check-data')).toBeDisabled();
	await noSeriousAxe(page);
	await page.getByTestId('date-question').getByRole('radio').first().check();
	await expect(page.getByTestId('check-data')).toBeEnabled();

	await page.goto('/data');
	await expect(page.getByTestId('dataset-row')).toHaveCount(4);
	await noSeriousAxe(page);
});

test('pseudo-locale: every wizard step is translated', async ({ page, watch }) => {
	void watch;
	await startEmpty(page, 'en');
	await page.evaluate(() => localStorage.setItem('cx.locale', 'en-XA'));
	const leaks = async () =>
		page.evaluate(() => {
			const bad: string[] = [];
			const letters = /[A-Za-z\u4e00-\u9fff]/;
			// the page body (the workspace name in the header is user text)
			const main = document.querySelector('main')!;
			const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const text = n.textContent ?? '';
				const el = n.parentElement;
				if (!el || !letters.test(text) || el.closest('script,style,[data-fmt],textarea,option')) continue;
				if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
				const whole = el.textContent ?? '';
				if (!(text.includes('⟦') || text.includes('⟧') || (whole.includes('⟦') && whole.includes('⟧')))) bad.push(text.trim());
			}
			for (const el of Array.from(main.querySelectorAll('[aria-label],[title],[placeholder]')))
				for (const a of ['aria-label', 'title', 'placeholder']) {
					const v = el.getAttribute(a);
					if (v && letters.test(v) && !v.includes('⟦')) bad.push(`${a}=${v}`);
				}
			return bad;
		});
	await openWizard(page);
	expect(await leaks()).toEqual([]);
	// the file's own text is bracketed so only the product's text is judged
	await page
		.getByTestId('file-input')
		.setInputFiles(csv('⟦orders⟧.csv', '⟦who⟧,⟦when⟧,⟦paid⟧\n⟦C1⟧,2024-01-02,12.5\n⟦C2⟧,2024-01-03,⟦x⟧\n⟦C1⟧,2024-02-03,-4\n'));
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'read');
	expect(await leaks()).toEqual([]);
	await page.getByTestId('read-file').click();
	await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-step', 'map');
	await page.getByRole('radio', { name: /Transactions/ }).check();
	await page.getByTestId('map-⟦who⟧').selectOption('customerId');
	await page.getByTestId('map-⟦when⟧').selectOption('date');
	expect(await leaks()).toEqual([]);
	await page.getByTestId('map-⟦paid⟧').selectOption('amount');
	await page.getByTestId('check-data').click();
	await expect(page.getByTestId('quality-report')).toBeVisible();
	expect(await leaks()).toEqual([]);
	await page.getByTestId('to-save').click();
	expect(await leaks()).toEqual([]);
	await page.getByTestId('save-dataset').click();
	await expect(page.getByTestId('import-success')).toBeVisible();
	expect(await leaks()).toEqual([]);
	await page.goto('/data');
	await expect(page.getByTestId('dataset-row')).toHaveCount(1);
	expect(await leaks()).toEqual([]);
});
