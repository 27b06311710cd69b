// Service-worker state: offline readiness and the prompt-to-update flow (edits are flushed before the new version loads).
import { saver } from './saver.svelte';

export class PwaState {
	offlineReady = $state(false);
	needRefresh = $state(false);
	updating = $state(false);
	#updateSW: ((reload?: boolean) => Promise<void>) | null = null;

	async register(): Promise<void> {
		if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		const { registerSW } = await import('virtual:pwa-register');
		this.#updateSW = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.needRefresh = true),
			onOfflineReady: () => (this.offlineReady = true),
			onRegisteredSW: (_url, reg) => {
				if (reg?.active && navigator.serviceWorker.controller) this.offlineReady = true;
			}
		});
	}

	/** Never reload by itself: only on the user's "Update", and only after pending edits are stored. */
	async update(): Promise<void> {
		this.updating = true;
		await saver.flush();
		await this.#updateSW?.(true);
	}

	dismiss(): void {
		this.needRefresh = false;
	}
}

export const pwa = new PwaState();
