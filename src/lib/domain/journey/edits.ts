// Pure edit operations on a journey and its cards; each returns the new state plus an edit and its inverse.
import type { Card, EvidenceLevel, NeedType } from './card.schema';
import type { Journey, JourneyKind, JourneyStatus, Lane, Stage } from './journey.schema';
import type { LaneType } from './lanes';
import { cellCards, commit, ctxId, ctxNow, type EditContext, type EditResult, type JourneyState } from './state';

const move = <T>(arr: readonly T[], from: number, to: number): T[] => {
	const out = arr.slice();
	const [x] = out.splice(from, 1);
	out.splice(Math.max(0, Math.min(to, out.length)), 0, x);
	return out;
};
const withJourney = (s: JourneyState, patch: Partial<Journey>): JourneyState => ({
	journey: { ...s.journey, ...patch },
	cards: s.cards
});
const noop = (s: JourneyState, label: string, ctx?: EditContext): EditResult => commit(s, s, label, ctx);

/** Snap to the half-step grid and clamp to −3..+3 so typed or dragged values are always valid. */
export function snapEmotion(score: number): number {
	return Math.max(-3, Math.min(3, Math.round(score * 2) / 2));
}

// ── header ────────────────────────────────────────────────────────────────

export type HeaderPatch = Partial<
	Pick<Journey, 'title' | 'personaIds' | 'personaText' | 'scenario' | 'goal' | 'owner' | 'status' | 'kind'>
> & { status?: JourneyStatus; kind?: JourneyKind };

export function updateHeader(s: JourneyState, patch: HeaderPatch, ctx?: EditContext): EditResult {
	return commit(s, withJourney(s, patch), 'journey.edit.header', ctx);
}

// ── phases ────────────────────────────────────────────────────────────────

export function addPhase(s: JourneyState, args: { name: string; stageIds?: string[] }, ctx?: EditContext): EditResult {
	const id = ctxId(ctx)();
	const ids = new Set(args.stageIds ?? []);
	return commit(
		s,
		withJourney(s, {
			phases: [...s.journey.phases, { id, name: args.name }],
			stages: s.journey.stages.map((st) => (ids.has(st.id) ? { ...st, phaseId: id } : st))
		}),
		'journey.edit.addPhase',
		ctx
	);
}

export function renamePhase(s: JourneyState, phaseId: string, name: string, ctx?: EditContext): EditResult {
	return commit(
		s,
		withJourney(s, { phases: s.journey.phases.map((p) => (p.id === phaseId ? { ...p, name } : p)) }),
		'journey.edit.renamePhase',
		ctx
	);
}

/** Deleting a phase only ungroups its stages; their cards stay. */
export function deletePhase(s: JourneyState, phaseId: string, ctx?: EditContext): EditResult {
	return commit(
		s,
		withJourney(s, {
			phases: s.journey.phases.filter((p) => p.id !== phaseId),
			stages: s.journey.stages.map((st) => (st.phaseId === phaseId ? { ...st, phaseId: null } : st))
		}),
		'journey.edit.deletePhase',
		ctx
	);
}

export function setStagePhase(s: JourneyState, stageId: string, phaseId: string | null, ctx?: EditContext): EditResult {
	return commit(
		s,
		withJourney(s, { stages: s.journey.stages.map((st) => (st.id === stageId ? { ...st, phaseId } : st)) }),
		'journey.edit.setStagePhase',
		ctx
	);
}

// ── stages and steps ───────────────────────────────────────────────────────

export function addStage(
	s: JourneyState,
	args: { name: string; index?: number; stepNames?: string[]; phaseId?: string | null },
	ctx?: EditContext
): EditResult {
	const id = ctxId(ctx);
	const names = args.stepNames && args.stepNames.length > 0 ? args.stepNames : [args.name];
	const stage: Stage = {
		id: id(),
		name: args.name,
		phaseId: args.phaseId ?? null,
		steps: names.map((name) => ({ id: id(), name }))
	};
	const stages = s.journey.stages.slice();
	stages.splice(args.index ?? stages.length, 0, stage);
	return commit(s, withJourney(s, { stages }), 'journey.edit.addStage', ctx);
}

export function renameStage(s: JourneyState, stageId: string, name: string, ctx?: EditContext): EditResult {
	return commit(
		s,
		withJourney(s, { stages: s.journey.stages.map((st) => (st.id === stageId ? { ...st, name } : st)) }),
		'journey.edit.renameStage',
		ctx
	);
}

export function moveStage(s: JourneyState, stageId: string, toIndex: number, ctx?: EditContext): EditResult {
	const from = s.journey.stages.findIndex((st) => st.id === stageId);
	if (from < 0 || from === toIndex) return noop(s, 'journey.edit.moveStage', ctx);
	return commit(s, withJourney(s, { stages: move(s.journey.stages, from, toIndex) }), 'journey.edit.moveStage', ctx);
}

/** Removes a set of step ids everywhere: emotion scores, to-be step mapping, cards. */
function dropSteps(s: JourneyState, stepIds: Set<string>, stages: Stage[]): JourneyState {
	const curves = s.journey.emotionCurves.map((c) => {
		if (!Object.keys(c.scores).some((k) => stepIds.has(k))) return c;
		const scores = Object.fromEntries(Object.entries(c.scores).filter(([k]) => !stepIds.has(k)));
		return { ...c, scores };
	});
	const basedOnSteps = Object.fromEntries(Object.entries(s.journey.basedOnSteps).filter(([k]) => !stepIds.has(k)));
	const removedCards = new Set(s.cards.filter((c) => stepIds.has(c.stepId)).map((c) => c.id));
	return {
		journey: { ...s.journey, stages, emotionCurves: curves, basedOnSteps },
		cards: unlink(
			s.cards.filter((c) => !removedCards.has(c.id)),
			removedCards
		)
	};
}

/** Drops links that point at deleted cards so no card refers to a ghost. */
function unlink(cards: Card[], gone: Set<string>): Card[] {
	if (gone.size === 0) return cards;
	return cards.map((c) =>
		c.needIds.some((x) => gone.has(x)) || c.opportunityIds.some((x) => gone.has(x))
			? {
					...c,
					needIds: c.needIds.filter((x) => !gone.has(x)),
					opportunityIds: c.opportunityIds.filter((x) => !gone.has(x))
				}
			: c
	);
}

/** Deletes a stage with its steps, their cards and scores; the inverse restores all of it. */
export function deleteStage(s: JourneyState, stageId: string, ctx?: EditContext): EditResult {
	const stage = s.journey.stages.find((st) => st.id === stageId);
	if (!stage) return noop(s, 'journey.edit.deleteStage', ctx);
	const stepIds = new Set(stage.steps.map((x) => x.id));
	const after = dropSteps(
		s,
		stepIds,
		s.journey.stages.filter((st) => st.id !== stageId)
	);
	return commit(s, after, 'journey.edit.deleteStage', ctx);
}

export function addStep(s: JourneyState, stageId: string, args: { name: string; index?: number }, ctx?: EditContext): EditResult {
	const step = { id: ctxId(ctx)(), name: args.name };
	return commit(
		s,
		withJourney(s, {
			stages: s.journey.stages.map((st) => {
				if (st.id !== stageId) return st;
				const steps = st.steps.slice();
				steps.splice(args.index ?? steps.length, 0, step);
				return { ...st, steps };
			})
		}),
		'journey.edit.addStep',
		ctx
	);
}

export function renameStep(s: JourneyState, stepId: string, name: string, ctx?: EditContext): EditResult {
	return commit(
		s,
		withJourney(s, {
			stages: s.journey.stages.map((st) =>
				st.steps.some((x) => x.id === stepId) ? { ...st, steps: st.steps.map((x) => (x.id === stepId ? { ...x, name } : x)) } : st
			)
		}),
		'journey.edit.renameStep',
		ctx
	);
}

/** Moves a step within or across stages; a stage left without steps is removed. */
export function moveStep(s: JourneyState, stepId: string, to: { stageId: string; index: number }, ctx?: EditContext): EditResult {
	const from = s.journey.stages.find((st) => st.steps.some((x) => x.id === stepId));
	if (!from || !s.journey.stages.some((st) => st.id === to.stageId)) return noop(s, 'journey.edit.moveStep', ctx);
	const step = from.steps.find((x) => x.id === stepId)!;
	let stages = s.journey.stages.map((st) => (st.id === from.id ? { ...st, steps: st.steps.filter((x) => x.id !== stepId) } : st));
	stages = stages.map((st) => {
		if (st.id !== to.stageId) return st;
		const steps = st.steps.slice();
		steps.splice(Math.max(0, Math.min(to.index, steps.length)), 0, step);
		return { ...st, steps };
	});
	stages = stages.filter((st) => st.steps.length > 0);
	return commit(s, withJourney(s, { stages }), 'journey.edit.moveStep', ctx);
}

/** Deletes a step and its cards; deleting a stage's last step deletes the stage. */
export function deleteStep(s: JourneyState, stepId: string, ctx?: EditContext): EditResult {
	const stage = s.journey.stages.find((st) => st.steps.some((x) => x.id === stepId));
	if (!stage) return noop(s, 'journey.edit.deleteStep', ctx);
	if (stage.steps.length === 1) return deleteStage(s, stage.id, ctx);
	const stages = s.journey.stages.map((st) => (st.id === stage.id ? { ...st, steps: st.steps.filter((x) => x.id !== stepId) } : st));
	return commit(s, dropSteps(s, new Set([stepId]), stages), 'journey.edit.deleteStep', ctx);
}

// ── lanes ──────────────────────────────────────────────────────────────────

export function addLane(s: JourneyState, args: { type: LaneType; name?: string | null; index?: number }, ctx?: EditContext): EditResult {
	const lane: Lane = { id: ctxId(ctx)(), type: args.type, name: args.name ?? null, hidden: false };
	const lanes = s.journey.lanes.slice();
	lanes.splice(args.index ?? lanes.length, 0, lane);
	return commit(s, withJourney(s, { lanes }), args.type === 'custom' ? 'journey.edit.addCustomLane' : 'journey.edit.addLane', ctx);
}

const patchLane = (s: JourneyState, laneId: string, patch: Partial<Lane>): JourneyState =>
	withJourney(s, { lanes: s.journey.lanes.map((l) => (l.id === laneId ? { ...l, ...patch } : l)) });

/** `name: null` goes back to the default label for the lane type. */
export function renameLane(s: JourneyState, laneId: string, name: string | null, ctx?: EditContext): EditResult {
	return commit(s, patchLane(s, laneId, { name: name && name.trim() ? name : null }), 'journey.edit.renameLane', ctx);
}

export function setLaneHidden(s: JourneyState, laneId: string, hidden: boolean, ctx?: EditContext): EditResult {
	return commit(s, patchLane(s, laneId, { hidden }), hidden ? 'journey.edit.hideLane' : 'journey.edit.showLane', ctx);
}

export function moveLane(s: JourneyState, laneId: string, toIndex: number, ctx?: EditContext): EditResult {
	const from = s.journey.lanes.findIndex((l) => l.id === laneId);
	if (from < 0 || from === toIndex) return noop(s, 'journey.edit.moveLane', ctx);
	return commit(s, withJourney(s, { lanes: move(s.journey.lanes, from, toIndex) }), 'journey.edit.moveLane', ctx);
}

export function deleteLane(s: JourneyState, laneId: string, ctx?: EditContext): EditResult {
	if (!s.journey.lanes.some((l) => l.id === laneId)) return noop(s, 'journey.edit.deleteLane', ctx);
	const gone = new Set(s.cards.filter((c) => c.laneId === laneId).map((c) => c.id));
	return commit(
		s,
		{
			journey: { ...s.journey, lanes: s.journey.lanes.filter((l) => l.id !== laneId) },
			cards: unlink(
				s.cards.filter((c) => !gone.has(c.id)),
				gone
			)
		},
		'journey.edit.deleteLane',
		ctx
	);
}

// ── cards ──────────────────────────────────────────────────────────────────

export interface NewCardFields {
	text?: string;
	colour?: string | null;
	evidence?: EvidenceLevel;
	needType?: NeedType | null;
	touchpointId?: string | null;
	needIds?: string[];
	opportunityIds?: string[];
	votes?: number;
}

export function makeCard(
	journey: Pick<Journey, 'id' | 'workspaceId'>,
	cell: { laneId: string; stepId: string; order: number },
	fields: NewCardFields,
	ctx?: EditContext
): Card {
	const now = ctxNow(ctx);
	return {
		id: ctxId(ctx)(),
		workspaceId: journey.workspaceId,
		createdAt: now,
		updatedAt: now,
		version: 1,
		journeyId: journey.id,
		laneId: cell.laneId,
		stepId: cell.stepId,
		order: cell.order,
		text: fields.text ?? '',
		colour: fields.colour ?? null,
		evidence: fields.evidence ?? 'assumption',
		needType: fields.needType ?? null,
		touchpointId: fields.touchpointId ?? null,
		needIds: fields.needIds ?? [],
		opportunityIds: fields.opportunityIds ?? [],
		votes: fields.votes ?? 0
	};
}

/** Renumbers the given cells 0..n-1 following `ordered` (already in the wanted order). */
function placeInCell(cards: Card[], ordered: Card[]): Card[] {
	const next = new Map<string, Card>();
	ordered.forEach((c, i) => {
		if (c.order !== i) next.set(c.id, { ...c, order: i });
		else next.set(c.id, c);
	});
	return cards.map((c) => next.get(c.id) ?? c);
}

const cellExists = (j: Journey, laneId: string, stepId: string): boolean =>
	j.lanes.some((l) => l.id === laneId) && j.stages.some((st) => st.steps.some((x) => x.id === stepId));

export function addCard(
	s: JourneyState,
	args: { laneId: string; stepId: string; index?: number } & NewCardFields,
	ctx?: EditContext
): EditResult {
	if (!cellExists(s.journey, args.laneId, args.stepId)) return noop(s, 'journey.edit.addCard', ctx);
	const cell = cellCards(s.cards, args.laneId, args.stepId);
	const lane = s.journey.lanes.find((l) => l.id === args.laneId)!;
	const card = makeCard(
		s.journey,
		{ laneId: args.laneId, stepId: args.stepId, order: cell.length },
		// A card added to the needs lane defaults to an explicit need so the coverage check sees it.
		{ ...args, needType: args.needType ?? (lane.type === 'needs' ? 'explicit' : null) },
		ctx
	);
	const ordered = cell.slice();
	ordered.splice(args.index ?? ordered.length, 0, card);
	return commit(s, { journey: s.journey, cards: placeInCell([...s.cards, card], ordered) }, 'journey.edit.addCard', ctx);
}

export type CardPatch = Partial<
	Pick<Card, 'text' | 'colour' | 'evidence' | 'needType' | 'touchpointId' | 'needIds' | 'opportunityIds' | 'votes'>
>;

export function updateCards(s: JourneyState, ids: readonly string[], patch: CardPatch, ctx?: EditContext): EditResult {
	const set = new Set(ids);
	const label = 'text' in patch ? 'journey.edit.cardText' : 'journey.edit.updateCard';
	return commit(s, { journey: s.journey, cards: s.cards.map((c) => (set.has(c.id) ? { ...c, ...patch } : c)) }, label, ctx);
}

export function deleteCards(s: JourneyState, ids: readonly string[], ctx?: EditContext): EditResult {
	const gone = new Set(ids);
	const affected = new Set(s.cards.filter((c) => gone.has(c.id)).map((c) => `${c.laneId}\u0000${c.stepId}`));
	let cards = unlink(
		s.cards.filter((c) => !gone.has(c.id)),
		gone
	);
	for (const key of affected) {
		const [laneId, stepId] = key.split('\u0000');
		cards = placeInCell(cards, cellCards(cards, laneId, stepId));
	}
	return commit(s, { journey: s.journey, cards }, 'journey.edit.deleteCards', ctx);
}

/** Dot voting: add (or with a negative delta, take back) votes; never below zero. */
export function voteCard(s: JourneyState, id: string, delta: number, ctx?: EditContext): EditResult {
	return commit(
		s,
		{
			journey: s.journey,
			cards: s.cards.map((c) => (c.id === id ? { ...c, votes: Math.max(0, c.votes + Math.trunc(delta)) } : c))
		},
		'journey.edit.vote',
		ctx
	);
}

/** Links (or unlinks) a pain point and an opportunity; the link is stored on the pain-point card. */
export function linkPainPoint(s: JourneyState, painPointId: string, opportunityId: string, linked = true, ctx?: EditContext): EditResult {
	return commit(
		s,
		{
			journey: s.journey,
			cards: s.cards.map((c) => {
				if (c.id !== painPointId) return c;
				const has = c.opportunityIds.includes(opportunityId);
				if (has === linked) return c;
				return {
					...c,
					opportunityIds: linked ? [...c.opportunityIds, opportunityId] : c.opportunityIds.filter((x) => x !== opportunityId)
				};
			})
		},
		'journey.edit.link',
		ctx
	);
}

/**
 * Moves cards (a multi-selection keeps its current relative order) into one cell at `index`
 * (default: the end). Source and target cells are renumbered; the set of cards never changes.
 */
export function moveCards(
	s: JourneyState,
	ids: readonly string[],
	to: { laneId: string; stepId: string; index?: number },
	ctx?: EditContext
): EditResult {
	if (!cellExists(s.journey, to.laneId, to.stepId)) return noop(s, 'journey.edit.moveCards', ctx);
	const set = new Set(ids);
	const colIndex = new Map(s.journey.stages.flatMap((st) => st.steps).map((x, i) => [x.id, i] as const));
	const laneIndex = new Map(s.journey.lanes.map((l, i) => [l.id, i] as const));
	const moving = s.cards
		.filter((c) => set.has(c.id))
		.sort(
			(a, b) =>
				(colIndex.get(a.stepId) ?? 0) - (colIndex.get(b.stepId) ?? 0) ||
				(laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
				a.order - b.order
		);
	if (moving.length === 0) return noop(s, 'journey.edit.moveCards', ctx);
	const sources = new Set(moving.map((c) => `${c.laneId}\u0000${c.stepId}`));
	const target = cellCards(s.cards, to.laneId, to.stepId);
	// Index counts positions among the cards that stay, which is what a drop indicator shows.
	const staying = target.filter((c) => !set.has(c.id));
	const index = Math.max(0, Math.min(to.index ?? staying.length, staying.length));
	const moved = moving.map((c) => ({ ...c, laneId: to.laneId, stepId: to.stepId }));
	const ordered = [...staying.slice(0, index), ...moved, ...staying.slice(index)];
	const movedById = new Map(moved.map((c) => [c.id, c]));
	let cards = s.cards.map((c) => movedById.get(c.id) ?? c);
	cards = placeInCell(
		cards,
		ordered.map((c) => movedById.get(c.id) ?? c)
	);
	for (const key of sources) {
		const [laneId, stepId] = key.split('\u0000');
		if (laneId === to.laneId && stepId === to.stepId) continue;
		cards = placeInCell(cards, cellCards(cards, laneId, stepId));
	}
	// Unchanged positions keep identity via placeInCell; a no-move stays a no-op.
	const orig = new Map(s.cards.map((c) => [c.id, c]));
	cards = cards.map((c) => {
		const o = orig.get(c.id)!;
		return o.laneId === c.laneId && o.stepId === c.stepId && o.order === c.order ? o : c;
	});
	return commit(s, { journey: s.journey, cards }, 'journey.edit.moveCards', ctx);
}

/** Visible lanes and all step columns, the grid keyboard moves navigate. */
export function grid(j: Journey): { laneIds: string[]; stepIds: string[] } {
	return {
		laneIds: j.lanes.filter((l) => !l.hidden).map((l) => l.id),
		stepIds: j.stages.flatMap((st) => st.steps.map((x) => x.id))
	};
}

/**
 * Keyboard move: `dLane`/`dStep` shift every selected card to the neighbouring cell (clamped to
 * the grid); `dOrder` (±1) reorders a single card inside its cell.
 */
export function nudgeCards(
	s: JourneyState,
	ids: readonly string[],
	delta: { dLane?: number; dStep?: number; dOrder?: number },
	ctx?: EditContext
): EditResult {
	const { laneIds, stepIds } = grid(s.journey);
	const sel = s.cards.filter((c) => ids.includes(c.id));
	if (sel.length === 0) return noop(s, 'journey.edit.moveCards', ctx);
	if (delta.dOrder && sel.length === 1) {
		const c = sel[0];
		const cell = cellCards(s.cards, c.laneId, c.stepId);
		const i = cell.findIndex((x) => x.id === c.id);
		const j = Math.max(0, Math.min(cell.length - 1, i + delta.dOrder));
		return moveCards(s, [c.id], { laneId: c.laneId, stepId: c.stepId, index: j }, ctx);
	}
	if (!delta.dLane && !delta.dStep) return noop(s, 'journey.edit.moveCards', ctx);
	// Group by source cell so each group lands in its own shifted cell.
	let state = s;
	const groups = new Map<string, Card[]>();
	for (const c of sel) {
		const li = laneIds.indexOf(c.laneId);
		const si = stepIds.indexOf(c.stepId);
		if (li < 0 || si < 0) continue;
		const tl = laneIds[Math.max(0, Math.min(laneIds.length - 1, li + (delta.dLane ?? 0)))];
		const ts = stepIds[Math.max(0, Math.min(stepIds.length - 1, si + (delta.dStep ?? 0)))];
		const key = `${tl}\u0000${ts}`;
		groups.set(key, [...(groups.get(key) ?? []), c]);
	}
	for (const [key, cards] of groups) {
		const [laneId, stepId] = key.split('\u0000');
		state = moveCards(
			state,
			cards.map((c) => c.id),
			{ laneId, stepId },
			{ ...ctx, now: ctxNow(ctx) }
		).state;
	}
	return commit(s, state, 'journey.edit.moveCards', ctx);
}

// ── clipboard ──────────────────────────────────────────────────────────────

export interface ClipboardCard {
	text: string;
	colour: string | null;
	evidence: EvidenceLevel;
	needType: NeedType | null;
	touchpointId: string | null;
	/** Links only to other cards in the same clipboard, as indexes. */
	needRefs: number[];
	opportunityRefs: number[];
	/** Offset from the top-left card of the selection, in visible lanes / step columns. */
	dLane: number;
	dStep: number;
	order: number;
}
export interface CardClipboard {
	formatName: 'cx-studio.cards';
	formatVersion: 1;
	cards: ClipboardCard[];
}

export function copyCards(s: JourneyState, ids: readonly string[]): CardClipboard {
	const { laneIds, stepIds } = grid(s.journey);
	const allLanes = s.journey.lanes.map((l) => l.id);
	// Hidden-lane cards still copy: place them by their index among all lanes.
	const li = (id: string) => (laneIds.includes(id) ? laneIds.indexOf(id) : allLanes.indexOf(id));
	const sel = s.cards
		.filter((c) => ids.includes(c.id))
		.sort((a, b) => stepIds.indexOf(a.stepId) - stepIds.indexOf(b.stepId) || li(a.laneId) - li(b.laneId) || a.order - b.order);
	if (sel.length === 0) return { formatName: 'cx-studio.cards', formatVersion: 1, cards: [] };
	const minLane = Math.min(...sel.map((c) => li(c.laneId)));
	const minStep = Math.min(...sel.map((c) => stepIds.indexOf(c.stepId)));
	const idx = new Map(sel.map((c, i) => [c.id, i]));
	return {
		formatName: 'cx-studio.cards',
		formatVersion: 1,
		cards: sel.map((c) => ({
			text: c.text,
			colour: c.colour,
			evidence: c.evidence,
			needType: c.needType,
			touchpointId: c.touchpointId,
			needRefs: c.needIds.filter((x) => idx.has(x)).map((x) => idx.get(x)!),
			opportunityRefs: c.opportunityIds.filter((x) => idx.has(x)).map((x) => idx.get(x)!),
			dLane: li(c.laneId) - minLane,
			dStep: stepIds.indexOf(c.stepId) - minStep,
			order: c.order
		}))
	};
}

/** For the system clipboard: JSON other CX Studio tabs understand, which is also readable text. */
export function clipboardToText(clip: CardClipboard): string {
	return JSON.stringify(clip);
}

/** Reads our clipboard JSON, or treats plain text (e.g. a spreadsheet column) as one card per line. */
export function clipboardFromText(text: string): CardClipboard {
	try {
		const parsed = JSON.parse(text) as Partial<CardClipboard>;
		if (parsed && parsed.formatName === 'cx-studio.cards' && Array.isArray(parsed.cards)) return parsed as CardClipboard;
	} catch {
		/* not ours: fall through to plain text */
	}
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	return {
		formatName: 'cx-studio.cards',
		formatVersion: 1,
		cards: lines.map((line, i) => ({
			text: line,
			colour: null,
			evidence: 'assumption',
			needType: null,
			touchpointId: null,
			needRefs: [],
			opportunityRefs: [],
			dLane: 0,
			dStep: 0,
			order: i
		}))
	};
}

/** Pastes with the selection's shape kept relative to the target cell (clamped to the grid); votes start at zero. */
export function pasteCards(
	s: JourneyState,
	clip: CardClipboard,
	at: { laneId: string; stepId: string },
	ctx?: EditContext
): EditResult & { pastedIds: string[] } {
	const { laneIds, stepIds } = grid(s.journey);
	const l0 = laneIds.indexOf(at.laneId);
	const s0 = stepIds.indexOf(at.stepId);
	if (l0 < 0 || s0 < 0 || clip.cards.length === 0) return { ...noop(s, 'journey.edit.paste', ctx), pastedIds: [] };
	const id = ctxId(ctx);
	const made: Card[] = clip.cards.map((c) => {
		const laneId = laneIds[Math.min(laneIds.length - 1, l0 + c.dLane)];
		const stepId = stepIds[Math.min(stepIds.length - 1, s0 + c.dStep)];
		const lane = s.journey.lanes.find((l) => l.id === laneId)!;
		return makeCard(
			s.journey,
			{ laneId, stepId, order: 0 },
			{
				text: c.text,
				colour: c.colour,
				evidence: c.evidence,
				needType: c.needType ?? (lane.type === 'needs' ? 'explicit' : null),
				touchpointId: c.touchpointId
			},
			{ ...ctx, newId: id }
		);
	});
	made.forEach((m, i) => {
		m.needIds = clip.cards[i].needRefs.map((r) => made[r]?.id).filter((x): x is string => !!x);
		m.opportunityIds = clip.cards[i].opportunityRefs.map((r) => made[r]?.id).filter((x): x is string => !!x);
	});
	let cards = [...s.cards, ...made];
	const cells = new Set(made.map((m) => `${m.laneId}\u0000${m.stepId}`));
	for (const key of cells) {
		const [laneId, stepId] = key.split('\u0000');
		const existing = cellCards(s.cards, laneId, stepId);
		const added = made.filter((m) => m.laneId === laneId && m.stepId === stepId);
		cards = placeInCell(cards, [...existing, ...added]);
	}
	return { ...commit(s, { journey: s.journey, cards }, 'journey.edit.paste', ctx), pastedIds: made.map((m) => m.id) };
}

// ── emotion ────────────────────────────────────────────────────────────────

export function addEmotionCurve(s: JourneyState, args: { personaId?: string | null; label: string }, ctx?: EditContext): EditResult {
	const curve = { id: ctxId(ctx)(), personaId: args.personaId ?? null, label: args.label, scores: {} };
	return commit(s, withJourney(s, { emotionCurves: [...s.journey.emotionCurves, curve] }), 'journey.edit.addCurve', ctx);
}

export function removeEmotionCurve(s: JourneyState, curveId: string, ctx?: EditContext): EditResult {
	return commit(
		s,
		withJourney(s, { emotionCurves: s.journey.emotionCurves.filter((c) => c.id !== curveId) }),
		'journey.edit.removeCurve',
		ctx
	);
}

export function renameEmotionCurve(
	s: JourneyState,
	curveId: string,
	patch: { label?: string; personaId?: string | null },
	ctx?: EditContext
): EditResult {
	return commit(
		s,
		withJourney(s, { emotionCurves: s.journey.emotionCurves.map((c) => (c.id === curveId ? { ...c, ...patch } : c)) }),
		'journey.edit.renameCurve',
		ctx
	);
}

/** Sets (snapped to −3..+3 in halves) or clears (`null`) one step's score on one curve. */
export function setEmotion(s: JourneyState, curveId: string, stepId: string, score: number | null, ctx?: EditContext): EditResult {
	if (score !== null && !Number.isFinite(score)) return noop(s, 'journey.edit.emotion', ctx);
	return commit(
		s,
		withJourney(s, {
			emotionCurves: s.journey.emotionCurves.map((c) => {
				if (c.id !== curveId) return c;
				const scores = { ...c.scores };
				if (score === null) delete scores[stepId];
				else scores[stepId] = snapEmotion(score);
				return { ...c, scores };
			})
		}),
		'journey.edit.emotion',
		ctx
	);
}
