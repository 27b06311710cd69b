// The debounced saver every editor uses: coalesces edits per key, flushes on hide/pagehide, keeps failed edits and retries.
import { classifyStorageError, type StorageErrorCode } from '$lib/db/errors';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';
type Write = () => Promise<unknown>;

export class Saver {
	status = $state<SaveStatus>('idle');
	lastError = $state<StorageErrorCode | null>(null);
	/** Count of successful flushes: the first one triggers the persistent-storage request. */
	savedCount = $state(0);

	// Plain Map on purpose: the queue is bookkeeping, the UI reads `status`.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Map<string, Write>();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#retryDelay = 2000;
	#ready = false;
	#flushing: Promise<boolean> | null = null;
	#delay: number;
	onFirstSave: (() => void) | null = null;

	constructor(delay = 300) {
		this.#delay = delay;
	}

	/** Edits are refused until the first load finished: a half-loaded view must never overwrite stored data. */
	markReady(): void {
		this.#ready = true;
	}

	get ready(): boolean {
		return this.#ready;
	}

	isPending(key: string): boolean {
		return this.#pending.has(key);
	}

	get hasPending(): boolean {
		return this.#pending.size > 0;
	}

	/** Queue the latest write for `key` (a later schedule for the same key replaces the earlier one). */
	schedule(key: string, write: Write): void {
		if (!this.#ready) throw new Error('Saver used before the first load finished');
		this.#pending.set(key, write);
		if (this.status !== 'error') this.status = 'pending';
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#delay);
	}

	/** Write everything pending now. Resolves true when all of it is stored. */
	flush(): Promise<boolean> {
		if (this.#timer) {
			clearTimeout(this.#timer);
			this.#timer = null;
		}
		if (this.#flushing) return this.#flushing.then(() => (this.#pending.size ? this.flush() : true));
		if (this.#pending.size === 0) return Promise.resolve(this.status !== 'error');
		this.#flushing = this.#run().finally(() => (this.#flushing = null));
		return this.#flushing;
	}

	async #run(): Promise<boolean> {
		const batch = [...this.#pending.entries()];
		this.#pending.clear();
		this.status = 'saving';
		let failure: unknown = null;
		for (const [key, write] of batch) {
			try {
				await write();
			} catch (e) {
				failure = e;
				// Keep the failed write unless a newer edit for the same key arrived meanwhile.
				if (!this.#pending.has(key)) this.#pending.set(key, write);
			}
		}
		if (failure) {
			this.status = 'error';
			this.lastError = classifyStorageError(failure);
			if (this.lastError !== 'read-only') this.#scheduleRetry();
			return false;
		}
		this.lastError = null;
		this.#retryDelay = 2000;
		this.status = this.#pending.size ? 'pending' : 'saved';
		this.savedCount++;
		if (this.savedCount === 1) this.onFirstSave?.();
		return this.#pending.size === 0;
	}

	#scheduleRetry(): void {
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = setTimeout(() => {
			this.#retryTimer = null;
			void this.flush();
		}, this.#retryDelay);
		this.#retryDelay = Math.min(this.#retryDelay * 2, 30_000);
	}

	/** The "Retry" button: try again now. */
	retry(): Promise<boolean> {
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
		return this.flush();
	}

	/** Flush when the page is hidden or unloaded (tab switch, close, mobile background). */
	attach(target: Window & typeof globalThis): () => void {
		const onHide = () => {
			if (target.document.visibilityState === 'hidden') void this.flush();
		};
		const onPageHide = () => void this.flush();
		target.document.addEventListener('visibilitychange', onHide);
		target.addEventListener('pagehide', onPageHide);
		return () => {
			target.document.removeEventListener('visibilitychange', onHide);
			target.removeEventListener('pagehide', onPageHide);
		};
	}
}

export const saver = new Saver();
