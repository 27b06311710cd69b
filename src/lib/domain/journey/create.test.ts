// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blueprintLines } from './lanes';
import { compareEmotion, createToBe, newJourney } from './create';
import { deleteStep, moveStage, setEmotion, addStep } from './edits';
import { instantiateTemplate, BEFORE_DURING_AFTER } from './templates';

describe('to-be maps', () => {
	it('copies with new ids, links back and compares emotion per step even after edits', () => {
		const asIs = instantiateTemplate(BEFORE_DURING_AFTER, 'en', 'w');
		let toBe = createToBe(asIs, { locale: 'zh-CN' });
		expect(toBe.journey).toMatchObject({ status: 'to-be', basedOn: asIs.journey.id });
		expect(toBe.journey.title.endsWith('（未来）')).toBe(true);
		expect(toBe.cards).toHaveLength(asIs.cards.length);
		const asIsIds = new Set(asIs.cards.map((c) => c.id));
		expect(toBe.cards.some((c) => asIsIds.has(c.id))).toBe(false);
		const wait = toBe.journey.stages[1].steps[1];
		toBe = setEmotion(toBe, toBe.journey.emotionCurves[0].id, wait.id, 1).state;
		toBe = moveStage(toBe, toBe.journey.stages[2].id, 0).state;
		toBe = deleteStep(toBe, toBe.journey.stages[0].steps[1].id).state; // drop "Come back"
		toBe = addStep(toBe, toBe.journey.stages[0].id, { name: 'Recommend' }).state;
		const [cmp] = compareEmotion(asIs.journey, toBe.journey);
		const w = cmp.points.find((p) => p.stepName === 'Wait')!;
		expect(w).toMatchObject({ asIs: -2, toBe: 1, delta: 3 });
		expect(cmp.points.find((p) => p.stepName === 'Recommend')).toMatchObject({ asIsStepId: null, asIs: null });
		expect(cmp.points.at(-1)).toMatchObject({ stepName: 'Come back', toBeStepId: null, asIs: 1, toBe: null });
		expect(cmp.meanDelta).toBeCloseTo(3 / 6);
	});
});

describe('blueprint lines', () => {
	const lanes = (types: string[], hidden: number[] = []) =>
		newJourney({ workspaceId: 'w', title: '', lanes: types.map((type, i) => ({ type: type as never, hidden: hidden.includes(i) })) })
			.journey.lanes;

	it('draws interaction, visibility and internal-interaction lines where the depth steps down', () => {
		const ls = lanes(['evidence', 'actions', 'owner', 'frontstage', 'backstage', 'kpis', 'support']);
		expect(blueprintLines(ls)).toEqual([
			{ kind: 'interaction', beforeLaneId: ls[3].id },
			{ kind: 'visibility', beforeLaneId: ls[4].id },
			{ kind: 'internalInteraction', beforeLaneId: ls[6].id }
		]);
	});

	it('skips hidden lanes and stacks lines when a level is missing; none for a plain journey', () => {
		const ls = lanes(['actions', 'frontstage', 'backstage', 'support'], [2]);
		expect(blueprintLines(ls).map((l) => [l.kind, l.beforeLaneId])).toEqual([
			['interaction', ls[1].id],
			['visibility', ls[3].id],
			['internalInteraction', ls[3].id]
		]);
		expect(blueprintLines(lanes(['actions', 'needs', 'custom']))).toEqual([]);
	});
});
