import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import Banners from './Banners.svelte';
import StatusLine from './StatusLine.svelte';
import { saver } from '$lib/state/saver.svelte';
import { app } from '$lib/state/app.svelte';
import { setupI18n, setLocale } from '$lib/i18n';

describe('app banners', () => {
	it('keeps the user informed when the disk is full and retries on request', async () => {
		setupI18n('en');
		saver.markReady();
		let fail = true;
		let stored = '';
		saver.schedule('k', async () => {
			if (fail) throw new DOMException('full', 'QuotaExceededError');
			stored = 'edit';
		});
		await saver.flush();
		render(Banners);
		render(StatusLine);
		expect(screen.getByTestId('banner-storage-full')).toHaveTextContent('Your device storage is full');
		expect(screen.getByTestId('save-status')).toHaveTextContent('Not saved — retrying');
		fail = false;
		await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
		await vi.waitFor(() => expect(stored).toBe('edit'));
		await tick();
		expect(screen.queryByTestId('banner-storage-full')).toBeNull();
		expect(screen.getByTestId('save-status')).toHaveTextContent('All changes saved');
	});

	it('explains read-only mode in Chinese', async () => {
		setupI18n('zh-CN');
		setLocale('zh-CN');
		app.readOnly = true;
		render(Banners);
		expect(screen.getByTestId('banner-readonly')).toHaveTextContent('此窗口在重新加载前为只读');
		app.readOnly = false;
		setLocale('en');
	});
});
