// Coverage check: gaps in a map (missing need types, unanswered pain points, ownerless touchpoints, unscored steps) as jumpable findings.
import { NEED_TYPES, type NeedType } from './card.schema';
import type { Journey, Lane } from './journey.schema';
import type { JourneyState } from './state';

export const COVERAGE_KINDS = [
	'noNeedsLane',
	'stageMissingNeedType',
	'painWithoutOpportunity',
	'touchpointWithoutOwner',
	'stepWithoutEmotion'
] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export interface CoverageFinding {
	/** Stable across runs for the same gap, so the panel can keep its selection/dismissals. */
	key: string;
	kind: CoverageKind;
	/** i18n key `journey.coverage.<kind>`; `values` fill its ICU placeholders. */
	messageKey: `journey.coverage.${CoverageKind}`;
	values: Record<string, string | number>;
	/** Where to jump: the cell, and the card when the finding is about one. */
	cell: { stepId: string | null; laneId: string | null; cardId: string | null };
}

export interface CoverageOptions {
	/** Touchpoint register entries, so a linked touchpoint with an owner there counts as owned. */
	touchpoints?: readonly { id: string; owner: string }[];
	/** Which need types to require per stage (default all three). */
	needTypes?: readonly NeedType[];
}

const firstLane = (j: Journey, type: Lane['type']): Lane | undefined =>
	j.lanes.find((l) => l.type === type && !l.hidden) ?? j.lanes.find((l) => l.type === type);

const finding = (
	kind: CoverageKind,
	key: string,
	values: CoverageFinding['values'],
	cell: Partial<CoverageFinding['cell']>
): CoverageFinding => ({
	key: `${kind}:${key}`,
	kind,
	messageKey: `journey.coverage.${kind}`,
	values,
	cell: { stepId: cell.stepId ?? null, laneId: cell.laneId ?? null, cardId: cell.cardId ?? null }
});

/** Findings in map order (stage by stage), so the panel reads left to right like the map. */
export function checkCoverage(s: JourneyState, opts: CoverageOptions = {}): CoverageFinding[] {
	const j = s.journey;
	const out: CoverageFinding[] = [];
	const laneType = new Map(j.lanes.map((l) => [l.id, l.type]));
	const stepInfo = new Map<string, { stage: string; step: string; col: number }>();
	let col = 0;
	for (const st of j.stages) for (const x of st.steps) stepInfo.set(x.id, { stage: st.name, step: x.name, col: col++ });
	const byCol = <T extends { stepId: string }>(a: T, b: T) => (stepInfo.get(a.stepId)?.col ?? 0) - (stepInfo.get(b.stepId)?.col ?? 0);
	const cards = s.cards.filter((c) => stepInfo.has(c.stepId) && laneType.has(c.laneId)).sort(byCol);

	const needsLane = firstLane(j, 'needs');
	const wanted = opts.needTypes ?? NEED_TYPES;
	if (!needsLane) {
		if (j.kind !== 'blueprint') out.push(finding('noNeedsLane', j.id, {}, {}));
	} else {
		for (const st of j.stages) {
			const steps = new Set(st.steps.map((x) => x.id));
			const present = new Set(
				cards.filter((c) => steps.has(c.stepId) && laneType.get(c.laneId) === 'needs').map((c) => c.needType ?? 'explicit')
			);
			for (const t of wanted)
				if (!present.has(t))
					out.push(
						finding(
							'stageMissingNeedType',
							`${st.id}:${t}`,
							{ stage: st.name, needType: t },
							{
								stepId: st.steps[0].id,
								laneId: needsLane.id
							}
						)
					);
		}
	}

	for (const c of cards) {
		if (laneType.get(c.laneId) === 'painPoints' && c.opportunityIds.length === 0) {
			const info = stepInfo.get(c.stepId)!;
			out.push(
				finding(
					'painWithoutOpportunity',
					c.id,
					{ text: c.text, stage: info.stage, step: info.step },
					{
						stepId: c.stepId,
						laneId: c.laneId,
						cardId: c.id
					}
				)
			);
		}
	}

	const registerOwner = new Map((opts.touchpoints ?? []).map((t) => [t.id, t.owner.trim()]));
	const stepsWithOwnerCard = new Set(cards.filter((c) => laneType.get(c.laneId) === 'owner' && c.text.trim()).map((c) => c.stepId));
	for (const c of cards) {
		if (laneType.get(c.laneId) !== 'touchpoints') continue;
		const owned = (c.touchpointId && registerOwner.get(c.touchpointId)) || stepsWithOwnerCard.has(c.stepId);
		if (!owned) {
			const info = stepInfo.get(c.stepId)!;
			out.push(
				finding(
					'touchpointWithoutOwner',
					c.id,
					{ text: c.text, stage: info.stage, step: info.step },
					{
						stepId: c.stepId,
						laneId: c.laneId,
						cardId: c.id
					}
				)
			);
		}
	}

	const emotionLane = firstLane(j, 'emotion');
	if (emotionLane && !emotionLane.hidden) {
		for (const curve of j.emotionCurves)
			for (const st of j.stages)
				for (const x of st.steps)
					if (curve.scores[x.id] === undefined)
						out.push(
							finding(
								'stepWithoutEmotion',
								`${curve.id}:${x.id}`,
								{ stage: st.name, step: x.name, curve: curve.label },
								{
									stepId: x.id,
									laneId: emotionLane.id
								}
							)
						);
	}

	// Keep map order: sort by the column each finding points at (map-level findings first).
	const colOf = (f: CoverageFinding) => (f.cell.stepId ? (stepInfo.get(f.cell.stepId)?.col ?? -1) : -1);
	return out
		.map((f, i) => ({ f, i }))
		.sort((a, b) => colOf(a.f) - colOf(b.f) || a.i - b.i)
		.map((x) => x.f);
}
