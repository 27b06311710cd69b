// View state of one open editor (selection, the card being typed in, the active cell, panels) and the card actions the grid, keyboard and outline share.
import { tick } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import {
	addCard,
	clipboardFromText,
	clipboardToText,
	copyCards,
	deleteCards,
	nudgeCards,
	pasteCards,
	type CardClipboard
} from '$lib/domain/journey';
import type { JourneyEditor } from '$lib/state/journey-editor.svelte';

export type EditorView = 'map' | 'outline';
export interface Cell {
	laneId: string;
	stepId: string;
}

export class EditorUi {
	readonly editor: JourneyEditor;
	selected = new SvelteSet<string>();
	/** Card whose text is open for typing. */
	editingId = $state<string | null>(null);
	activeCell = $state<Cell | null>(null);
	view = $state<EditorView>('map');
	showCoverage = $state(false);
	/** Clipboard kept in the page too, for browsers that refuse clipboard reads. */
	#clip: CardClipboard | null = null;

	constructor(editor: JourneyEditor) {
		this.editor = editor;
	}

	selectOnly(id: string): void {
		this.selected.clear();
		this.selected.add(id);
	}

	toggle(id: string): void {
		if (this.selected.has(id)) this.selected.delete(id);
		else this.selected.add(id);
	}

	clearSelection(): void {
		this.selected.clear();
	}

	/** Drop selected ids that no longer exist (deleted here or in another tab). */
	prune(ids: Set<string>): void {
		for (const id of [...this.selected]) if (!ids.has(id)) this.selected.delete(id);
		if (this.editingId && !ids.has(this.editingId)) this.editingId = null;
	}

	/** Adds a card to a cell and opens it for typing. */
	async addCard(cell: Cell, opts: { text?: string; index?: number; edit?: boolean } = {}): Promise<string | null> {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local bookkeeping, not reactive state
		const before = new Set(this.editor.state?.cards.map((c) => c.id));
		const r = this.editor.run((s) => addCard(s, { ...cell, text: opts.text ?? '', index: opts.index }));
		if (!r) return null;
		const made = r.state.cards.find((c) => !before.has(c.id));
		if (!made) return null;
		this.selectOnly(made.id);
		this.activeCell = cell;
		if (opts.edit !== false) this.editingId = made.id;
		await tick();
		return made.id;
	}

	deleteSelected(): number {
		const ids = [...this.selected];
		if (ids.length === 0) return 0;
		const r = this.editor.run((s) => deleteCards(s, ids));
		this.selected.clear();
		this.editingId = null;
		return r ? ids.length : 0;
	}

	nudge(delta: { dLane?: number; dStep?: number; dOrder?: number }): boolean {
		const ids = [...this.selected];
		if (ids.length === 0) return false;
		return !!this.editor.run((s) => nudgeCards(s, ids, delta));
	}

	/** Copies the selection; also puts readable JSON on the system clipboard when allowed. */
	copy(): string | null {
		const s = this.editor.state;
		if (!s || this.selected.size === 0) return null;
		this.#clip = copyCards(s, [...this.selected]);
		return clipboardToText(this.#clip);
	}

	/** Pastes our clipboard JSON or plain text (one card per line) at a cell. */
	paste(text: string | null, at: Cell): string[] {
		const clip = text && text.trim() ? clipboardFromText(text) : this.#clip;
		if (!clip || clip.cards.length === 0 || !this.editor.state) return [];
		const r = pasteCards(this.editor.state, clip, at);
		if (!this.editor.apply(r)) return [];
		this.selected.clear();
		for (const id of r.pastedIds) this.selected.add(id);
		return r.pastedIds;
	}

	/** The cell paste and Enter act on: the active cell, else the cell of the single selected card. */
	targetCell(): Cell | null {
		if (this.activeCell) return this.activeCell;
		const s = this.editor.state;
		const id = [...this.selected][0];
		const c = id ? s?.cards.find((x) => x.id === id) : undefined;
		return c ? { laneId: c.laneId, stepId: c.stepId } : null;
	}

	/** Scrolls to and focuses a card, a cell, or an emotion point (coverage jumps, keyboard moves). */
	async focusTarget(t: { cardId?: string | null; laneId?: string | null; stepId?: string | null; emotion?: boolean }): Promise<void> {
		if (this.view !== 'map') this.view = 'map';
		await tick();
		let el: HTMLElement | null = null;
		if (t.cardId) {
			el = document.querySelector<HTMLElement>(`[data-testid="journey-card"][data-card-id="${CSS.escape(t.cardId)}"]`);
			if (el) this.selectOnly(t.cardId);
		} else if (t.emotion && t.stepId) {
			el = document.querySelector<HTMLElement>(`[data-testid="emotion-point"][data-step-id="${CSS.escape(t.stepId)}"]`);
		} else if (t.laneId && t.stepId) {
			this.activeCell = { laneId: t.laneId, stepId: t.stepId };
			await tick();
			el = document.querySelector<HTMLElement>(
				`[data-cell][data-lane-id="${CSS.escape(t.laneId)}"][data-step-id="${CSS.escape(t.stepId)}"]`
			);
		}
		if (!el) return;
		el.scrollIntoView({ block: 'nearest', inline: 'center' });
		el.focus({ preventScroll: true });
		el.classList.remove('flash');
		void el.offsetWidth;
		el.classList.add('flash');
	}
}
