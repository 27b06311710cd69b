// Segments at scale and the follow-ups: ~25,000 generated customers (fixed seed) → the analysis is created on first
// visit → "all customers" drill-down scrolls to the last row with few DOM rows → a custom rule set changes the
// segment counts → "Create persona from this segment" makes a persona citing the segment's figures.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startEmpty, navLink } from './fixtures';
import {
	parseText,
	profileTable,
	guessKind,
	guessMapping,
	toColumnMapping,
	buildDataset,
	toChunks,
	toDatasetRecord,
	toChunkRecords
} from '../../src/lib/domain/csv';
import { COLUMN_CHUNK_ROWS } from '../../src/lib/domain/dataset/column-chunk';
import { buildEnvelope } from '../../src/lib/domain/backup/backup';

const CUSTOMERS = 25_000;

/** customer_id,date,amount for CUSTOMERS customers, 1–5 orders each over 2023–2024 (mulberry32, fixed seed). */
function generatedCsv(seed = 20240607): string {
	let s = seed >>> 0;
	const rand = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const start = Date.UTC(2023, 0, 1);
	const lines = ['customer_id,date,amount'];
	for (let c = 1; c <= CUSTOMERS; c++) {
		const id = `C${String(c).padStart(6, '0')}`;
		const orders = 1 + Math.floor(rand() * rand() * 5);
		const first = Math.floor(rand() * 700);
		for (let o = 0; o < orders; o++) {
			const day = Math.min(729, first + Math.floor(rand() * 120) * o);
			const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
			lines.push(`${id},${date},${(5 + rand() * rand() * 200).toFixed(2)}`);
		}
	}
	return lines.join('\n');
}

async function backupText(): Promise<string> {
	const file = 'generated-orders.csv';
	const t = (await parseText(generatedCsv(), {}, file)).data!;
	const prof = profileTable(t);
	const mapping = toColumnMapping(guessMapping(guessKind(t.headers, prof), t.headers, prof), prof);
	const built = buildDataset(t, mapping).data!;
	const now = Date.UTC(2025, 0, 1);
	const workspaceId = 'ws-seg-scale';
	const chunks = toChunks(built.data, COLUMN_CHUNK_ROWS);
	const record = toDatasetRecord(
		{
			kind: built.kind,
			rowCount: built.rowCount,
			columns: built.columns,
			chunks,
			report: built.report,
			mapping: built.mapping,
			chunkRows: COLUMN_CHUNK_ROWS
		},
		{
			id: 'ds-seg-scale',
			workspaceId,
			name: file,
			now,
			source: { fileName: file, size: 0, encoding: 'utf-8', delimiter: ',', hasHeader: true }
		}
	);
	const env = buildEnvelope(
		{
			workspaces: [
				{
					id: workspaceId,
					name: 'Segments scale',
					organisation: '',
					description: '',
					createdAt: now,
					updatedAt: now,
					deletedAt: null,
					sample: false
				}
			],
			datasets: [record as unknown as Record<string, unknown>],
			chunks: toChunkRecords(chunks, record.id, workspaceId) as unknown as Record<string, unknown>[]
		},
		1
	);
	return JSON.stringify(env);
}

const countIn = async (text: Promise<string | null>) => Number((await text)?.replace(/[^\d]/g, '') ?? NaN);

test('segments: 25,000 customers scroll to the end, custom rules change counts, persona from a segment (zh-CN)', async ({
	page,
	watch
}) => {
	test.setTimeout(60_000);
	void watch;
	const dir = mkdtempSync(join(tmpdir(), 'cx-seg-scale-'));
	const backup = `${dir}/scale-backup.json`;
	writeFileSync(backup, await backupText());
	await startEmpty(page, 'zh-CN');
	await navLink(page, '设置').click();
	await page.getByTestId('restore-input').setInputFiles(backup);
	await expect(page.getByTestId('restore-result')).toHaveAttribute('data-ok', 'true');
	await page.evaluate(() => localStorage.setItem('cx.lastWorkspace', 'ws-seg-scale'));

	// First visit, one transactions dataset, no analysis: it is created and run without a click.
	await page.goto('/segments');
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
	await expect(page.getByTestId('kpi-customers')).toHaveText('25,000');
	await expect(page.locator('#new-ds option:checked')).toHaveText('generated-orders.csv');

	// All customers: a virtualised table; scroll to the end and the last customer (by id) renders with few DOM rows.
	await page.getByTestId('drill-all').click();
	await expect(page.getByTestId('customer-count')).toContainText('25,000');
	await page.getByTestId('sort-id').click();
	const scroller = page.getByTestId('customer-scroller');
	await page.evaluate(() => {
		const w = window as unknown as { __long: number[] };
		w.__long = [];
		new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
	});
	// Wheel-like steps through the first screens, then jumps to the quarters and the end: no frame blocks > 100 ms.
	for (let i = 1; i <= 10; i++) await scroller.evaluate((el, y) => (el.scrollTop = y), i * 400);
	for (const f of [0.25, 0.5, 0.75, 1]) {
		await scroller.evaluate((el, frac) => (el.scrollTop = el.scrollHeight * frac), f);
		await page.waitForTimeout(50);
	}
	const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
	expect(Math.max(0, ...long), `long tasks while scrolling: ${long.join(', ')}`).toBeLessThan(100);
	await expect(page.getByTestId('customer-row').last()).toContainText(`C${String(CUSTOMERS).padStart(6, '0')}`);
	await expect(page.getByTestId('customer-row').last()).toHaveAttribute('aria-rowindex', String(CUSTOMERS + 1));
	expect(await page.getByTestId('customer-row').count()).toBeLessThan(60);

	// Custom rules: widen the first rule (Champions → "VIP", any recency) and the counts change.
	await page.locator('[data-testid=segment-bar][data-key="Champions"]').click();
	const champions = await countIn(page.getByTestId('customer-count').textContent());
	expect(champions).toBeGreaterThan(0);
	await page.getByTestId('edit-rules').click();
	const editor = page.getByTestId('rule-editor');
	await editor.getByLabel('规则 1：分群名称').fill('VIP');
	await editor.getByLabel('规则 1：R 最低分').selectOption('1');
	await editor.getByTestId('rule-save').click();
	await expect(page.getByTestId('rules')).toHaveValue('custom');
	// The recompute is debounced and takes a few seconds on 25,000 customers: wait for the new segment itself.
	await expect(page.locator('[data-testid=segment-bar][data-key="VIP"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
	await expect(page.locator('[data-testid=segment-bar][data-key="Champions"]')).toHaveCount(0);
	await page.locator('[data-testid=segment-bar][data-key="VIP"]').click();
	const vip = await countIn(page.getByTestId('customer-count').textContent());
	expect(vip).toBeGreaterThan(champions);

	// Persona from this segment: created, opened, listed at /personas with the segment's figures cited.
	await page.getByTestId('create-persona').click();
	const dialog = page.getByTestId('from-segment-dialog');
	await expect(dialog).toBeVisible();
	await dialog.locator('#seg-name').fill('VIP 常客');
	await dialog.locator('button[type=submit]').click();
	await expect(page).toHaveURL(/\/personas\/[^/]+$/);
	await expect(page.getByText(vip.toLocaleString('zh-CN')).first()).toBeVisible();
	await page.goto('/personas');
	await expect(page.getByText('VIP 常客').first()).toBeVisible();
});
