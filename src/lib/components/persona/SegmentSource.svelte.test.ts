import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { setupI18n, setLocale } from '$lib/i18n';
import { app } from '$lib/state/app.svelte';
import { freshDb } from '$lib/db/test-helpers';
import { createWorkspace } from '$lib/db/repositories/workspaces';
import { getPersona } from '$lib/db/repositories/personas';
import { datasetSample } from '$lib/domain/sample/datasets';
import { createPersonaFromSegment } from '$lib/state/personas';
import SegmentSource from './SegmentSource.svelte';

async function setup(opts: { analysis: boolean; datasetUpdatedAt: number }) {
	setupI18n('en');
	setLocale('en');
	const db = await freshDb();
	const ws = await createWorkspace(db, 'Harbour');
	const data = datasetSample('en', ws.id, opts.datasetUpdatedAt);
	await db.datasets.bulkPut(data.datasets as never[]);
	const datasetId = (data.datasets[0] as { id: string }).id;
	if (opts.analysis)
		await db.analyses.put({
			id: 'an1',
			workspaceId: ws.id,
			createdAt: 1,
			updatedAt: 1,
			kind: 'segmentation',
			name: 'Orders RFM',
			datasetId,
			datasetUpdatedAt: opts.datasetUpdatedAt,
			params: {},
			result: null,
			computedAt: Date.UTC(2024, 5, 30),
			formatVersion: 1
		});
	const p = await createPersonaFromSegment(
		db,
		ws.id,
		{
			datasetId,
			analysisId: 'an1',
			segmentKey: 'Champions',
			segmentName: 'Champions',
			customers: 2350,
			customerShare: 0.12,
			revenueShare: 0.31,
			medianRecencyDays: 9,
			medianFrequency: 14,
			medianMonetary: 3400,
			computedAt: Date.UTC(2024, 5, 30)
		},
		'en'
	);
	app.db = db;
	app.currentId = ws.id;
	return { db, p };
}

afterEach(() => {
	app.readOnly = false;
});

describe('segment figures on a persona', () => {
	it('shows the cited figures and says the data changed when the dataset was re-imported after them', async () => {
		const { p } = await setup({ analysis: true, datasetUpdatedAt: Date.UTC(2024, 8, 1) });
		render(SegmentSource, { persona: p, onreplace: vi.fn() });
		expect(screen.getByTestId('source-customers')).toHaveTextContent('2,350');
		expect(screen.getByTestId('source-revenueShare')).toHaveTextContent('31%');
		expect(screen.getByTestId('source-medianRecencyDays')).toHaveTextContent('9 days');
		await vi.waitFor(() =>
			expect(screen.getByTestId('source-stale')).toHaveTextContent('the dataset “Member orders (sample)” was re-imported')
		);
		expect(screen.getByRole('button', { name: 'Refresh figures' })).toBeEnabled();
	});

	it('is read-only in a read-only tab', async () => {
		const { p } = await setup({ analysis: true, datasetUpdatedAt: Date.UTC(2024, 0, 1) });
		app.readOnly = true;
		render(SegmentSource, { persona: p, onreplace: vi.fn() });
		expect(screen.getByRole('button', { name: 'Refresh figures' })).toBeDisabled();
	});

	it('keeps the old figures and says the analysis was deleted', async () => {
		const { db, p } = await setup({ analysis: false, datasetUpdatedAt: Date.UTC(2024, 0, 1) });
		const onreplace = vi.fn();
		render(SegmentSource, { persona: p, onreplace });
		await vi.waitFor(() => expect(screen.getByTestId('source-gone')).toBeInTheDocument());
		await userEvent.click(screen.getByRole('button', { name: 'Refresh figures' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('the saved analysis these figures came from was deleted');
		expect(onreplace).not.toHaveBeenCalled();
		expect((await getPersona(db, p.id))!.value.source?.customers).toBe(2350);
	});
});
