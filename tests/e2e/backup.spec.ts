import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, startEmpty, waitSaved, navLink } from './fixtures';

const BAD: Record<string, { en: RegExp; zh: RegExp }> = {
	'not-json.json': { en: /is not a JSON file/, zh: /不是 JSON 文件/ },
	'truncated.json': { en: /is incomplete/, zh: /不完整/ },
	'wrong-format.json': { en: /is not a CX Studio backup/, zh: /不是 CX Studio 备份/ },
	'newer-format.json': { en: /made by a newer version/, zh: /由更新版本/ },
	'newer-schema.json': { en: /data from a newer version/, zh: /更新版本 CX Studio 的数据/ },
	'invalid-record.json': {
		en: /invalid record: table “workspaces”, record 1, field “name”/,
		zh: /无效记录：表“workspaces”，第 1 条记录，字段“name”/
	},
	'duplicate-ids.json': { en: /contains the id “j-1” twice in table “journeys”/, zh: /id“j-1”出现了两次/ },
	'unknown-table.json': { en: /unknown table “spaceships”/, zh: /未知的表“spaceships”/ },
	'empty.json': { en: /contains no workspace/, zh: /没有工作区/ },
	'orphan-record.json': { en: /table “cards”, record 1, field “workspaceId”/, zh: /表“cards”，第 1 条记录，字段“workspaceId”/ }
};

test('download a backup and restore it: equal content in a new workspace', async ({ page, watch }) => {
	void watch;
	await startEmpty(page);
	await page.getByLabel('Workspace name').fill('Backup me 备份');
	await page.getByLabel('Description').fill('Line one\nLine two, with "quotes" and <b>tags</b>');
	await waitSaved(page);
	await navLink(page, 'Settings').click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
	expect(download.suggestedFilename()).toMatch(/^cx-studio-backup-Backup-me-备份-\d{4}-\d\d-\d\d\.json$/);
	const file = await download.path();
	const env = JSON.parse(readFileSync(file, 'utf8'));
	expect(env).toMatchObject({ formatName: 'cx-studio.backup', formatVersion: 1, schemaVersion: 1 });
	expect(env.tables.workspaces).toHaveLength(1);

	await page.getByTestId('restore-input').setInputFiles(file);
	await expect(page.getByTestId('restore-result')).toHaveAttribute('data-ok', 'true');
	await expect(page.getByTestId('restore-result')).toContainText('Restored 1 workspace');
	await navLink(page, 'Overview').click();
	await expect(page.getByLabel('Description')).toHaveValue('Line one\nLine two, with "quotes" and <b>tags</b>');
	await navLink(page, 'Workspaces').click();
	await expect(page.getByTestId('workspace-item')).toHaveCount(2);
});

for (const lang of ['en', 'zh-CN'] as const) {
	test(`every bad backup gives its translated, coded error and changes nothing (${lang})`, async ({ page, watch }) => {
		void watch;
		await page.addInitScript((l) => localStorage.setItem('cx.locale', l), lang);
		await page.goto('/');
		await page.getByTestId('welcome').getByRole('button').first().click();
		await expect(page.getByTestId('overview')).toBeVisible();
		await page.goto('/settings');
		const dump = () =>
			page.evaluate(
				() =>
					new Promise<string>((resolve) => {
						const req = indexedDB.open('cx-studio');
						req.onsuccess = async () => {
							const db = req.result;
							const out: Record<string, unknown> = {};
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
		const before = await dump();
		const files = readdirSync('tests/fixtures/backups').filter((f) => f in BAD);
		expect(files).toHaveLength(Object.keys(BAD).length);
		for (const f of files) {
			await page.getByTestId('restore-input').setInputFiles(`tests/fixtures/backups/${f}`);
			const result = page.getByTestId('restore-result');
			await expect(result).toHaveAttribute('data-ok', 'false');
			await expect(result).toContainText(lang === 'en' ? BAD[f].en : BAD[f].zh);
			await expect(result).toContainText(lang === 'en' ? 'Nothing was changed.' : '未做任何更改。');
			await expect(result).toContainText(f);
		}
		expect(await dump()).toBe(before);
	});
}
