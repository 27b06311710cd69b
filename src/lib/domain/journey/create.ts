// Making journeys: a new map, a copy with fresh ids (duplicate / import / to-be), and as-is vs to-be emotion comparison.
import type { Locale } from '../record';
import type { Card } from './card.schema';
import { JOURNEY_VERSION, type Journey, type JourneyKind } from './journey.schema';
import { BLUEPRINT_LANES, BOTH_LANES, JOURNEY_LANES, type LaneType } from './lanes';
import { ctxId, ctxNow, type EditContext, type JourneyState } from './state';

export interface NewJourneyArgs {
	workspaceId: string;
	title: string;
	kind?: JourneyKind;
	lanes?: { type: LaneType; name?: string | null; hidden?: boolean }[];
	stages?: { name: string; steps: string[]; phase?: string }[];
	/** Label of the first emotion curve (the map's persona as free text). */
	personaText?: string;
}

export function defaultLanes(kind: JourneyKind): LaneType[] {
	return kind === 'blueprint' ? BLUEPRINT_LANES : kind === 'both' ? BOTH_LANES : JOURNEY_LANES;
}

/** An empty map: given or default lanes, given stages (at least one, so there is a cell to type in). */
export function newJourney(args: NewJourneyArgs, ctx?: EditContext): JourneyState {
	const id = ctxId(ctx);
	const now = ctxNow(ctx);
	const kind = args.kind ?? 'journey';
	const phaseNames = [...new Set((args.stages ?? []).map((s) => s.phase).filter((p): p is string => !!p))];
	const phases = phaseNames.map((name) => ({ id: id(), name }));
	const stages = (args.stages && args.stages.length > 0 ? args.stages : [{ name: '', steps: [''] }]).map((st) => ({
		id: id(),
		name: st.name,
		phaseId: st.phase ? phases.find((p) => p.name === st.phase)!.id : null,
		steps: (st.steps.length > 0 ? st.steps : [st.name]).map((name) => ({ id: id(), name }))
	}));
	const journey: Journey = {
		id: id(),
		workspaceId: args.workspaceId,
		createdAt: now,
		updatedAt: now,
		version: JOURNEY_VERSION,
		title: args.title,
		kind,
		personaIds: [],
		personaText: args.personaText ?? '',
		scenario: '',
		goal: '',
		owner: '',
		status: 'as-is',
		basedOn: null,
		phases,
		stages,
		lanes: (args.lanes ?? defaultLanes(kind).map((type): NonNullable<NewJourneyArgs['lanes']>[number] => ({ type }))).map((l) => ({
			id: id(),
			type: l.type,
			name: l.name ?? null,
			hidden: l.hidden ?? false
		})),
		emotionCurves: [{ id: id(), personaId: null, label: args.personaText ?? '', scores: {} }],
		basedOnSteps: {}
	};
	return { journey, cards: [] };
}

/** Old id → new id for everything inside a map, so callers can follow links (e.g. to-be ↔ as-is steps). */
export type IdMap = Map<string, string>;

/**
 * Copies a map with every internal id replaced (journey, phases, stages, steps, lanes, curves,
 * cards and the card-to-card links). External links — touchpoints, personas, `basedOn` — are
 * kept: they still resolve when the copy stays in (or returns to) the same workspace.
 */
export function cloneJourney(s: JourneyState, workspaceId: string, ctx?: EditContext): { state: JourneyState; ids: IdMap } {
	const newId = ctxId(ctx);
	const now = ctxNow(ctx);
	const ids: IdMap = new Map();
	const map = (old: string): string => {
		let n = ids.get(old);
		if (!n) ids.set(old, (n = newId()));
		return n;
	};
	const j = s.journey;
	const journey: Journey = {
		...j,
		id: map(j.id),
		workspaceId,
		createdAt: now,
		updatedAt: now,
		phases: j.phases.map((p) => ({ ...p, id: map(p.id) })),
		stages: j.stages.map((st) => ({
			...st,
			id: map(st.id),
			phaseId: st.phaseId === null ? null : (ids.get(st.phaseId) ?? null),
			steps: st.steps.map((x) => ({ ...x, id: map(x.id) }))
		})),
		lanes: j.lanes.map((l) => ({ ...l, id: map(l.id) })),
		emotionCurves: j.emotionCurves.map((c) => ({
			...c,
			id: map(c.id),
			scores: Object.fromEntries(
				Object.entries(c.scores)
					.filter(([k]) => ids.has(k))
					.map(([k, v]) => [ids.get(k)!, v])
			)
		})),
		basedOnSteps: Object.fromEntries(
			Object.entries(j.basedOnSteps)
				.filter(([k]) => ids.has(k))
				.map(([k, v]) => [ids.get(k)!, v])
		)
	};
	for (const c of s.cards) map(c.id);
	const cards: Card[] = s.cards
		.filter((c) => ids.has(c.laneId) && ids.has(c.stepId))
		.map((c) => ({
			...c,
			id: ids.get(c.id)!,
			workspaceId,
			createdAt: now,
			updatedAt: now,
			journeyId: journey.id,
			laneId: ids.get(c.laneId)!,
			stepId: ids.get(c.stepId)!,
			needIds: c.needIds.filter((x) => ids.has(x)).map((x) => ids.get(x)!),
			opportunityIds: c.opportunityIds.filter((x) => ids.has(x)).map((x) => ids.get(x)!)
		}));
	return { state: { journey, cards }, ids };
}

const TO_BE_SUFFIX: Record<Locale, string> = { en: ' (to-be)', 'zh-CN': '（未来）' };

/** A to-be map from an as-is map: a full copy with new ids, `basedOn` and a step mapping for comparison. */
export function createToBe(asIs: JourneyState, opts: { locale?: Locale; title?: string } = {}, ctx?: EditContext): JourneyState {
	const { state, ids } = cloneJourney(asIs, asIs.journey.workspaceId, ctx);
	const basedOnSteps: Record<string, string> = {};
	for (const st of asIs.journey.stages) for (const x of st.steps) basedOnSteps[ids.get(x.id)!] = x.id;
	return {
		journey: {
			...state.journey,
			title: opts.title ?? asIs.journey.title + TO_BE_SUFFIX[opts.locale ?? 'en'],
			status: 'to-be',
			basedOn: asIs.journey.id,
			basedOnSteps
		},
		cards: state.cards.map((c) => ({ ...c, votes: 0 }))
	};
}

export interface EmotionComparisonPoint {
	toBeStepId: string | null;
	asIsStepId: string | null;
	stageName: string;
	stepName: string;
	asIs: number | null;
	toBe: number | null;
	/** toBe − asIs when both are scored. */
	delta: number | null;
}
export interface EmotionComparison {
	curveLabel: string;
	personaId: string | null;
	points: EmotionComparisonPoint[];
	/** Mean delta over steps scored on both maps. */
	meanDelta: number | null;
}

/**
 * Compares emotion per step between an as-is map and a to-be map made from it. Curves pair up
 * by persona id, then label, then position. Steps follow the to-be order; as-is steps the to-be
 * map dropped come last (to-be = null) so a removed pain step stays visible.
 */
export function compareEmotion(asIs: Journey, toBe: Journey): EmotionComparison[] {
	const asIsStep = new Map<string, { stage: string; step: string }>();
	for (const st of asIs.stages) for (const x of st.steps) asIsStep.set(x.id, { stage: st.name, step: x.name });
	return toBe.emotionCurves.map((curve, i) => {
		const other =
			asIs.emotionCurves.find((c) => curve.personaId !== null && c.personaId === curve.personaId) ??
			asIs.emotionCurves.find((c) => c.label === curve.label) ??
			asIs.emotionCurves[i] ??
			null;
		const points: EmotionComparisonPoint[] = [];
		const used = new Set<string>();
		for (const st of toBe.stages)
			for (const x of st.steps) {
				const base = toBe.basedOnSteps[x.id];
				const a = base && asIsStep.has(base) ? base : null;
				if (a) used.add(a);
				const av = a && other ? (other.scores[a] ?? null) : null;
				const tv = curve.scores[x.id] ?? null;
				points.push({
					toBeStepId: x.id,
					asIsStepId: a,
					stageName: st.name,
					stepName: x.name,
					asIs: av,
					toBe: tv,
					delta: av !== null && tv !== null ? tv - av : null
				});
			}
		for (const [id, info] of asIsStep) {
			if (used.has(id)) continue;
			const av = other ? (other.scores[id] ?? null) : null;
			points.push({ toBeStepId: null, asIsStepId: id, stageName: info.stage, stepName: info.step, asIs: av, toBe: null, delta: null });
		}
		const deltas = points.map((p) => p.delta).filter((d): d is number => d !== null);
		return {
			curveLabel: curve.label,
			personaId: curve.personaId,
			points,
			meanDelta: deltas.length ? deltas.reduce((a, b) => a + b, 0) / deltas.length : null
		};
	});
}
