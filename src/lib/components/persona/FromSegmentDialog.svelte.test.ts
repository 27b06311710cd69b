import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { setupI18n, setLocale } from '$lib/i18n';
import { app } from '$lib/state/app.svelte';
import { freshDb } from '$lib/db/test-helpers';
import { createWorkspace } from '$lib/db/repositories/workspaces';
import { getPersona } from '$lib/db/repositories/personas';
import type { Persona, PersonaSegmentSummary } from '$lib/domain/persona';
import FromSegmentDialog from './FromSegmentDialog.svelte';

// A made-up segmentation result, as the segments screen will pass it.
const summary: PersonaSegmentSummary = {
	datasetId: 'ds-orders-2024',
	analysisId: 'rfm-1',
	segmentKey: 'champions',
	segmentName: 'Champions',
	customers: 2350,
	customerShare: 0.12,
	revenueShare: 0.31,
	medianRecencyDays: 9,
	medianFrequency: 14,
	medianMonetary: 3400,
	currency: 'CNY',
	preferredChannel: 'mini program',
	tier: 'A',
	computedAt: Date.UTC(2024, 11, 31)
};

describe('create persona from a segment', () => {
	it('shows the segment figures, then stores a persona that cites them', async () => {
		setupI18n('en');
		setLocale('en');
		const db = await freshDb();
		const ws = await createWorkspace(db, 'Harbour');
		app.db = db;
		app.currentId = ws.id;
		let created: Persona | null = null;
		const onclose = vi.fn();
		render(FromSegmentDialog, { open: true, summary, onclose, oncreated: (p: Persona) => (created = p) });

		expect(screen.getByRole('heading', { name: 'Create a persona from “Champions”' })).toBeInTheDocument();
		expect(screen.getByText('2,350')).toBeInTheDocument();
		expect(screen.getByText('31%')).toBeInTheDocument();
		expect(screen.getByText('9 days')).toBeInTheDocument();
		expect(screen.getByText('Mini-program')).toBeInTheDocument();
		const name = screen.getByLabelText('Name');
		expect(name).toHaveValue('Champions customer');
		await userEvent.clear(name);
		await userEvent.type(name, 'Mr Chen, champion');
		await userEvent.click(screen.getByRole('button', { name: 'Create persona' }));

		await vi.waitFor(() => expect(created).not.toBeNull());
		expect(onclose).toHaveBeenCalled();
		const stored = (await getPersona(db, created!.id))!;
		expect(stored.basic.name).toBe('Mr Chen, champion');
		expect(stored.workspaceId).toBe(ws.id);
		expect(stored.value.tier).toBe('A');
		expect(stored.value.source).toMatchObject({
			segmentName: 'Champions',
			customers: 2350,
			revenueShare: 0.31,
			datasetId: 'ds-orders-2024'
		});
		expect(stored.behaviour.channelPreferences).toEqual(['miniProgram']);
		app.db = null;
	});
});
