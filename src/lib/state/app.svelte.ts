// App-wide state: the open database, its health (read-only, upgraded elsewhere, no IndexedDB), workspaces and the current one.
import { liveQuery, type Subscription } from 'dexie';
import { openDatabase, type CxDatabase } from '$lib/db/db';
import { listWorkspaces, purgeExpired } from '$lib/db/repositories/workspaces';
import type { Workspace } from '$lib/domain/workspace/workspace';
import { saver } from './saver.svelte';

const LAST_WS_KEY = 'cx.lastWorkspace';

export type Phase = 'loading' | 'ready' | 'no-db';
export type PersistState = 'unknown' | 'granted' | 'denied' | 'unsupported';

export class AppState {
	phase = $state<Phase>('loading');
	noDbCode = $state('');
	db = $state.raw<CxDatabase | null>(null);
	readOnly = $state(false);
	/** Another tab opened a newer schema: this tab flushed, closed its connection and asks for a reload. */
	upgradedElsewhere = $state(false);
	workspaces = $state.raw<Workspace[]>([]);
	currentId = $state<string | null>(null);
	persist = $state<PersistState>('unknown');
	fatal = $state<{ message: string; stack?: string } | null>(null);

	#sub: Subscription | null = null;

	get live(): Workspace[] {
		return this.workspaces.filter((w) => w.deletedAt == null);
	}
	get trash(): Workspace[] {
		return this.workspaces.filter((w) => w.deletedAt != null);
	}
	get current(): Workspace | null {
		return this.live.find((w) => w.id === this.currentId) ?? null;
	}

	async init(name?: string): Promise<void> {
		const res = await openDatabase(name);
		if (!res.ok) {
			this.phase = 'no-db';
			this.noDbCode = `${res.code}: ${res.name}`;
			return;
		}
		const db = res.db;
		this.readOnly = res.readOnly;
		db.on('versionchange', () => {
			// Flush first, then let the other tab upgrade; this tab needs a reload to run the new code.
			void saver.flush().finally(() => {
				db.close();
				this.upgradedElsewhere = true;
			});
			return false;
		});
		if (!this.readOnly) await purgeExpired(db).catch(() => 0);
		this.workspaces = await listWorkspaces(db);
		this.currentId = this.#pickInitial();
		this.db = db;
		this.#sub = liveQuery(() => listWorkspaces(db)).subscribe({
			next: (list) => {
				this.workspaces = list;
				if (!this.current) this.currentId = this.#pickInitial();
			},
			error: () => {}
		});
		await this.refreshPersist(false);
		saver.onFirstSave = () => this.afterRealSave();
		saver.markReady();
		this.phase = 'ready';
	}

	#pickInitial(): string | null {
		let last: string | null = null;
		try {
			last = localStorage.getItem(LAST_WS_KEY);
		} catch {
			/* ignore */
		}
		const live = this.live;
		return live.find((w) => w.id === last)?.id ?? live[0]?.id ?? null;
	}

	select(id: string): void {
		this.currentId = id;
		try {
			localStorage.setItem(LAST_WS_KEY, id);
		} catch {
			/* not remembered */
		}
	}

	async refreshPersist(ask: boolean): Promise<void> {
		const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
		if (!storage?.persisted) {
			this.persist = 'unsupported';
			return;
		}
		const persisted = await storage.persisted().catch(() => false);
		if (persisted) {
			this.persist = 'granted';
			return;
		}
		if (!ask) {
			const asked = this.db ? (await this.db.meta.get('persistAsked'))?.value : undefined;
			this.persist = asked ? 'denied' : 'unknown';
			return;
		}
		const granted = await storage.persist().catch(() => false);
		this.persist = granted ? 'granted' : 'denied';
		if (this.db && !this.readOnly) await this.db.meta.put({ key: 'persistAsked', value: Date.now() }).catch(() => {});
	}

	/** Asked after the first real save (DESIGN rule 7), and again from Settings. */
	requestPersist(): Promise<void> {
		return this.refreshPersist(true);
	}

	#askedThisSession = false;
	/** Call after any write the user made (create, restore, import): asks for persistence once. */
	afterRealSave(): void {
		if (this.#askedThisSession || this.persist === 'granted' || this.persist === 'unsupported') return;
		this.#askedThisSession = true;
		void this.requestPersist();
	}

	dispose(): void {
		this.#sub?.unsubscribe();
		this.db?.close();
	}
}

export const app = new AppState();
