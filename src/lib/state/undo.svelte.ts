// Undo/redo stack shared by every editor; consecutive edits of one field within a short window merge into one step.
export type UndoEntry = {
	label: string;
	undo: () => void | Promise<void>;
	redo: () => void | Promise<void>;
	/** Entries with the same key pushed within MERGE_MS merge: typing a word is one undo step. */
	mergeKey?: string;
	at?: number;
};

const MERGE_MS = 1000;

export class UndoStack {
	#done = $state<UndoEntry[]>([]);
	#undone = $state<UndoEntry[]>([]);
	readonly limit: number;

	constructor(limit = 200) {
		this.limit = limit;
	}

	get canUndo(): boolean {
		return this.#done.length > 0;
	}
	get canRedo(): boolean {
		return this.#undone.length > 0;
	}
	get undoLabel(): string | null {
		return this.#done.at(-1)?.label ?? null;
	}
	get redoLabel(): string | null {
		return this.#undone.at(-1)?.label ?? null;
	}

	/** Record an edit that has already been applied. */
	push(entry: UndoEntry, now = Date.now()): void {
		const last = this.#done.at(-1);
		if (entry.mergeKey && last?.mergeKey === entry.mergeKey && last.at !== undefined && now - last.at < MERGE_MS) {
			// Keep the oldest undo and the newest redo.
			this.#done[this.#done.length - 1] = { ...last, redo: entry.redo, at: now };
		} else {
			this.#done.push({ ...entry, at: now });
			if (this.#done.length > this.limit) this.#done.shift();
		}
		this.#undone = [];
	}

	async undo(): Promise<boolean> {
		const e = this.#done.pop();
		if (!e) return false;
		await e.undo();
		this.#undone.push({ ...e, at: undefined });
		return true;
	}

	async redo(): Promise<boolean> {
		const e = this.#undone.pop();
		if (!e) return false;
		await e.redo();
		this.#done.push({ ...e, at: undefined });
		return true;
	}

	clear(): void {
		this.#done = [];
		this.#undone = [];
	}
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo; returns true when the key was handled. */
export function handleUndoKeys(e: KeyboardEvent, stack: UndoStack): boolean {
	if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
	const k = e.key.toLowerCase();
	if (k === 'z' && !e.shiftKey) {
		e.preventDefault();
		void stack.undo();
		return true;
	}
	if ((k === 'z' && e.shiftKey) || k === 'y') {
		e.preventDefault();
		void stack.redo();
		return true;
	}
	return false;
}
