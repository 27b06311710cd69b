// A journey with its cards as one value, the edit description every operation returns, and how to apply / invert it.
import { newId as randomId } from '../record';
import type { Card } from './card.schema';
import type { Journey } from './journey.schema';

export interface JourneyState {
	journey: Journey;
	cards: Card[];
}

/**
 * What an operation changed, in the shape the storage layer writes: the new journey record (or
 * null if untouched), cards to put (new or changed) and card ids to delete. The inverse has the
 * same shape, so an undo stack only ever stores pairs of these.
 */
export interface JourneyEdit {
	/** i18n key naming the edit for an "Undo …" menu item. */
	label: string;
	journey: Journey | null;
	put: Card[];
	remove: string[];
}

export interface EditResult {
	state: JourneyState;
	edit: JourneyEdit;
	inverse: JourneyEdit;
}

/** Injected clock and id source so operations stay pure and tests deterministic. */
export interface EditContext {
	now?: number;
	newId?: () => string;
}

export const ctxNow = (ctx?: EditContext): number => ctx?.now ?? Date.now();
export const ctxId = (ctx?: EditContext): (() => string) => ctx?.newId ?? randomId;

export function isNoop(edit: JourneyEdit): boolean {
	return edit.journey === null && edit.put.length === 0 && edit.remove.length === 0;
}

export function applyEdit(state: JourneyState, edit: JourneyEdit): JourneyState {
	if (isNoop(edit)) return state;
	const byId = new Map(state.cards.map((c) => [c.id, c]));
	for (const id of edit.remove) byId.delete(id);
	for (const c of edit.put) byId.set(c.id, c);
	return { journey: edit.journey ?? state.journey, cards: [...byId.values()] };
}

/** The edit that takes `after` back to `before` (needs the state the edit was applied to). */
export function invertEdit(before: JourneyState, edit: JourneyEdit): JourneyEdit {
	const old = new Map(before.cards.map((c) => [c.id, c]));
	const put: Card[] = [];
	const remove: string[] = [];
	for (const c of edit.put) {
		const prev = old.get(c.id);
		if (prev) put.push(prev);
		else remove.push(c.id);
	}
	for (const id of edit.remove) {
		const prev = old.get(id);
		if (prev) put.push(prev);
	}
	return { label: edit.label, journey: edit.journey ? before.journey : null, put, remove };
}

/**
 * Turns "before" and "after" states into an EditResult. Operations build `after` by copying only
 * what they change, so unchanged records keep their identity and the diff is a reference check.
 * Stamps `updatedAt` on everything that changed.
 */
export function commit(before: JourneyState, after: JourneyState, label: string, ctx?: EditContext): EditResult {
	const now = ctxNow(ctx);
	// A rename to the same name or re-setting a score must not push an empty step onto the undo stack;
	// the journey record is small (no cards), so a structural compare is cheap.
	const changed = after.journey !== before.journey && JSON.stringify(after.journey) !== JSON.stringify(before.journey);
	const journey = changed ? { ...after.journey, updatedAt: now } : null;
	const old = new Map(before.cards.map((c) => [c.id, c]));
	const seen = new Set<string>();
	const put: Card[] = [];
	const cards: Card[] = [];
	for (const c of after.cards) {
		seen.add(c.id);
		if (old.get(c.id) === c) {
			cards.push(c);
			continue;
		}
		const stamped = { ...c, updatedAt: now };
		put.push(stamped);
		cards.push(stamped);
	}
	const remove = before.cards.filter((c) => !seen.has(c.id)).map((c) => c.id);
	const edit: JourneyEdit = { label, journey, put, remove };
	// A journey-only change still has to bump its timestamp in the returned state.
	const state: JourneyState = { journey: journey ?? before.journey, cards };
	if (isNoop(edit)) return { state: before, edit, inverse: { ...edit } };
	return { state, edit, inverse: invertEdit(before, edit) };
}

/** Cards of one cell in display order. */
export function cellCards(cards: readonly Card[], laneId: string, stepId: string): Card[] {
	return cards.filter((c) => c.laneId === laneId && c.stepId === stepId).sort((a, b) => a.order - b.order);
}
