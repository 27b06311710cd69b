import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { setupI18n } from '$lib/i18n';
import { newCustomChannel } from '$lib/domain/touchpoint';
import ManageChannelsDialog from './ManageChannelsDialog.svelte';
import DeleteChannelDialog from './DeleteChannelDialog.svelte';
import ChannelDialog from './ChannelDialog.svelte';

const kiosk = newCustomChannel('ws', { name: 'Kiosk', group: 'offline', labels: { 'zh-CN': '自助点单机' } }, []);
const usage = new Map([[kiosk.id, { touchpoints: 2, personas: 1 }]]);
const handlers = () => ({ onadd: vi.fn(), onedit: vi.fn(), ondelete: vi.fn(), onclose: vi.fn() });

describe('channel manager', () => {
	it('lists custom channels with usage and both labels; built-in ones have no actions', async () => {
		setupI18n('en');
		const h = handlers();
		render(ManageChannelsDialog, { custom: [kiosk], usage, readOnly: false, notice: null, ...h });
		const row = screen.getByTestId('custom-channel');
		expect(row).toHaveTextContent('Kiosk');
		expect(row).toHaveTextContent('自助点单机');
		expect(row).toHaveTextContent('2 touchpoints');
		expect(screen.getAllByTestId('builtin-channel')).toHaveLength(11);
		for (const b of screen.getAllByTestId('builtin-channel')) expect(b.querySelector('button')).toBeNull();
		await userEvent.click(screen.getByRole('button', { name: 'Edit Kiosk' }));
		expect(h.onedit).toHaveBeenCalledWith(kiosk);
		await userEvent.click(screen.getByRole('button', { name: 'Delete Kiosk' }));
		expect(h.ondelete).toHaveBeenCalledWith(kiosk);
	});

	it('disables adding, editing, deleting and Undo when the workspace is read-only', () => {
		setupI18n('en');
		render(ManageChannelsDialog, { custom: [kiosk], usage, readOnly: true, notice: { text: 'Saved.', undo: vi.fn() }, ...handlers() });
		expect(screen.getByRole('button', { name: 'Add channel' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Edit Kiosk' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Delete Kiosk' })).toBeDisabled();
		expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
		expect(screen.getByText('This workspace is read-only: channels cannot be changed.')).toBeInTheDocument();
	});
});

describe('deleting a used channel', () => {
	it('says how many use it, needs a new channel, and offers every other channel', async () => {
		setupI18n('en');
		const ondelete = vi.fn();
		const onclose = vi.fn();
		render(DeleteChannelDialog, { channel: kiosk, custom: [kiosk], touchpoints: 2, personas: 1, ondelete, onclose });
		expect(screen.getByTestId('channel-in-use')).toHaveTextContent('2 touchpoints use “Kiosk”');
		expect(screen.getByText(/1 persona prefers this channel/)).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Move and delete' }));
		expect(ondelete).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent('Choose the channel the touchpoints move to.');
		const select = screen.getByLabelText('Move to');
		expect([...select.querySelectorAll('option')].map((o) => o.textContent)).not.toContain('Kiosk');
		await userEvent.selectOptions(select, 'phoneHotline');
		await userEvent.click(screen.getByRole('button', { name: 'Move and delete' }));
		expect(ondelete).toHaveBeenCalledWith('phoneHotline');
		await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(onclose).toHaveBeenCalled();
	});
});

describe('channel form', () => {
	it('edits an existing channel, starting from its labels', async () => {
		setupI18n('en');
		const onsave = vi.fn();
		render(ChannelDialog, { custom: [kiosk], channel: kiosk, onsave, onclose: vi.fn() });
		expect(screen.getByLabelText('Channel name')).toHaveValue('Kiosk');
		expect(screen.getByLabelText('Chinese label')).toHaveValue('自助点单机');
		await userEvent.clear(screen.getByLabelText('Chinese label'));
		await userEvent.type(screen.getByLabelText('Chinese label'), '门店');
		await userEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent('Another channel is already called this.');
		await userEvent.clear(screen.getByLabelText('Chinese label'));
		await userEvent.type(screen.getByLabelText('Chinese label'), '自助点餐机');
		await userEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave).toHaveBeenCalledWith({ name: 'Kiosk', group: 'offline', labels: { en: '', 'zh-CN': '自助点餐机' } });
	});
});
