// The journey editor's state: one map with its cards, every domain edit applied here, undone here, saved through the debounced saver and kept live with other tabs.
import { liveQuery, type Subscription } from 'dexie';
import type { CxDatabase } from '$lib/db/db';
import { loadJourney, writeJourneyEdit } from '$lib/db/repositories/journeys';
import { applyEdit, isNoop, type Card, type EditResult, type Journey, type JourneyEdit, type JourneyState } from '$lib/domain/journey';
import { saver } from './saver.svelte';
import { UndoStack } from './undo.svelte';

/** Cards of one cell keyed `${laneId}|${stepId}`. */
export const cellKey = (laneId: string, stepId: string): string => `${laneId}|${stepId}`;

type Pending = { journey: Journey | null; put: Map<string, Card>; remove: Set<string> };
const emptyPending = (): Pending => ({ journey: null, put: new Map(), remove: new Set() });

/** Folds `edit` into `p` so that a later edit of the same record wins and put/remove cancel properly. */
function fold(p: Pending, edit: Pick<JourneyEdit, 'journey' | 'put' | 'remove'>): void {
	if (edit.journey) p.journey = edit.journey;
	for (const id of edit.remove) {
		p.put.delete(id);
		p.remove.add(id);
	}
	for (const c of edit.put) {
		p.remove.delete(c.id);
		p.put.set(c.id, c);
	}
}

/** Equal values: primitives, arrays element by element, plain objects key by key (cards are flat; no JSON round trip per card). */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	let n = 0;
	for (const k in ra) {
		if (!Object.hasOwn(ra, k)) continue;
		n++;
		if (!Object.hasOwn(rb, k) || !sameValue(ra[k], rb[k])) return false;
	}
	for (const k in rb) if (Object.hasOwn(rb, k)) n--;
	return n === 0;
}

/** Same stored content: reuse the local object so nothing downstream re-renders after our own write echoes back. */
function sameCard(a: Card, b: Card): boolean {
	if (a === b) return true;
	if (a.updatedAt !== b.updatedAt || a.text !== b.text || a.order !== b.order || a.laneId !== b.laneId || a.stepId !== b.stepId)
		return false;
	return sameValue(a, b);
}

export class JourneyEditor {
	/** Null until loaded; `missing` when the map does not exist (deleted, wrong link). */
	state = $state.raw<JourneyState | null>(null);
	missing = $state(false);
	readonly undo = new UndoStack();
	readonly id: string;

	#db: CxDatabase;
	#readOnly: () => boolean;
	#sub: Subscription | null = null;
	/** Not yet handed to the saver's write. */
	#pending: Pending = emptyPending();
	/** Handed to a write that has not finished: still overlaid on what other tabs show us. */
	#inflight: Pending | null = null;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local bookkeeping, not reactive state
	#byCellCache = new Map<string, Card[]>();

	constructor(db: CxDatabase, id: string, readOnly: () => boolean = () => false) {
		this.#db = db;
		this.id = id;
		this.#readOnly = readOnly;
	}

	get key(): string {
		return `journey:${this.id}`;
	}

	/** Loads the map, then follows it live (other tabs, our own echoes) without losing unsaved local edits. */
	start(): () => void {
		this.#sub = liveQuery(() => loadJourney(this.#db, this.id)).subscribe({
			next: (stored) => this.#adopt(stored),
			error: () => {
				/* keep what we have; the status line reports write failures */
			}
		});
		return () => this.stop();
	}

	stop(): void {
		this.#sub?.unsubscribe();
		this.#sub = null;
	}

	#adopt(stored: JourneyState | null): void {
		if (!stored) {
			if (!this.state) this.missing = true;
			else if (!this.#hasLocal()) this.missing = true;
			return;
		}
		this.missing = false;
		// Overlay our unsaved and in-flight edits on the stored map.
		let next = stored;
		for (const p of [this.#inflight, this.#pending]) {
			if (!p) continue;
			next = applyEdit(next, { label: '', journey: p.journey, put: [...p.put.values()], remove: [...p.remove] });
		}
		const cur = this.state;
		if (cur) {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local bookkeeping, not reactive state
			const local = new Map(cur.cards.map((c) => [c.id, c]));
			let same = next.cards.length === cur.cards.length;
			const cards = next.cards.map((c) => {
				const mine = local.get(c.id);
				if (mine && sameCard(mine, c)) return mine;
				same = false;
				return c;
			});
			const journey = cur.journey.updatedAt === next.journey.updatedAt && sameValue(cur.journey, next.journey) ? cur.journey : next.journey;
			if (same && journey === cur.journey) return;
			// Keep the local card order when membership did not change, so keyed blocks do not shuffle.
			this.state = { journey, cards: same ? cur.cards : cards };
			return;
		}
		this.state = next;
	}

	#hasLocal(): boolean {
		const has = (p: Pending | null) => !!p && (p.journey !== null || p.put.size > 0 || p.remove.size > 0);
		return has(this.#pending) || has(this.#inflight);
	}

	/**
	 * Apply a domain edit: update the view now, queue the write, and record undo/redo.
	 * `mergeKey` merges consecutive edits (typing a word, dragging a point) into one undo step.
	 */
	apply(result: EditResult, opts: { mergeKey?: string } = {}): boolean {
		if (!this.state || this.#readOnly() || isNoop(result.edit)) return false;
		this.state = result.state;
		this.#persist(result.edit);
		const { edit, inverse } = result;
		this.undo.push({
			label: edit.label,
			mergeKey: opts.mergeKey,
			undo: () => this.#replay(inverse),
			redo: () => this.#replay(edit)
		});
		return true;
	}

	/** Convenience: run an operation on the current state and apply it. */
	run(op: (s: JourneyState) => EditResult, opts: { mergeKey?: string } = {}): EditResult | null {
		if (!this.state) return null;
		const r = op(this.state);
		return this.apply(r, opts) ? r : null;
	}

	/** Undo/redo write a stored edit again, re-stamped so other tabs and "last updated" see it as new. */
	#replay(edit: JourneyEdit): void {
		if (!this.state || this.#readOnly()) return;
		const now = Date.now();
		const stamped: JourneyEdit = {
			label: edit.label,
			journey: edit.journey ? { ...edit.journey, updatedAt: now } : null,
			put: edit.put.map((c) => ({ ...c, updatedAt: now })),
			remove: edit.remove
		};
		this.state = applyEdit(this.state, stamped);
		this.#persist(stamped);
	}

	#persist(edit: JourneyEdit): void {
		fold(this.#pending, edit);
		if (!saver.ready) return;
		saver.schedule(this.key, () => this.#write());
	}

	async #write(): Promise<void> {
		// A retry after a failure finds the failed batch back in #pending (merged under newer edits).
		const batch = this.#pending;
		this.#pending = emptyPending();
		this.#inflight = batch;
		try {
			await writeJourneyEdit(this.#db, {
				journey: batch.journey,
				put: [...batch.put.values()],
				remove: [...batch.remove]
			});
		} catch (e) {
			const newer = this.#pending;
			this.#pending = batch;
			fold(this.#pending, { journey: newer.journey, put: [...newer.put.values()], remove: [...newer.remove] });
			throw e;
		} finally {
			this.#inflight = null;
		}
	}

	/** Cards grouped by cell in display order; a cell whose cards did not change keeps its array (keyed blocks skip it). */
	byCell(cards: readonly Card[]): Map<string, Card[]> {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local bookkeeping, not reactive state
		const groups = new Map<string, Card[]>();
		for (const c of cards) {
			const k = cellKey(c.laneId, c.stepId);
			const g = groups.get(k);
			if (g) g.push(c);
			else groups.set(k, [c]);
		}
		const prev = this.#byCellCache;
		for (const [k, g] of groups) {
			g.sort((a, b) => a.order - b.order);
			const old = prev.get(k);
			if (old && old.length === g.length && old.every((c, i) => c === g[i])) groups.set(k, old);
		}
		this.#byCellCache = groups;
		return groups;
	}
}
