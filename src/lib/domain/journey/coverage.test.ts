// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newJourney } from './create';
import { addCard, linkPainPoint, setEmotion } from './edits';
import { checkCoverage } from './coverage';

describe('coverage check', () => {
	const setup = () => {
		let s = newJourney({
			workspaceId: 'w',
			title: 'T',
			lanes: [
				{ type: 'touchpoints' },
				{ type: 'emotion' },
				{ type: 'needs' },
				{ type: 'painPoints' },
				{ type: 'opportunities' },
				{ type: 'owner' }
			],
			stages: [
				{ name: 'Before', steps: ['discover'] },
				{ name: 'During', steps: ['wait'] }
			]
		});
		const lane = (t: string) => s.journey.lanes.find((l) => l.type === t)!.id;
		const [b, d] = s.journey.stages.map((st) => st.steps[0].id);
		for (const needType of ['explicit', 'expected', 'implicit'] as const)
			s = addCard(s, { laneId: lane('needs'), stepId: b, needType }).state;
		s = addCard(s, { laneId: lane('needs'), stepId: d, needType: 'explicit' }).state;
		s = addCard(s, { laneId: lane('painPoints'), stepId: d, text: '18 min wait' }).state;
		s = addCard(s, { laneId: lane('touchpoints'), stepId: d, text: 'SMS', touchpointId: 'tp1' }).state;
		s = addCard(s, { laneId: lane('touchpoints'), stepId: b, text: 'post' }).state;
		s = setEmotion(s, s.journey.emotionCurves[0].id, b, 1).state;
		return { s, lane, b, d };
	};

	it('lists each gap with a message key, values and the cell to jump to, in map order', () => {
		const { s, lane, b, d } = setup();
		const f = checkCoverage(s);
		expect(f.map((x) => x.kind)).toEqual([
			'touchpointWithoutOwner',
			'stageMissingNeedType',
			'stageMissingNeedType',
			'painWithoutOpportunity',
			'touchpointWithoutOwner',
			'stepWithoutEmotion'
		]);
		expect(f[1]).toMatchObject({
			messageKey: 'journey.coverage.stageMissingNeedType',
			values: { stage: 'During', needType: 'expected' },
			cell: { stepId: d, laneId: lane('needs'), cardId: null }
		});
		const pain = s.cards.find((c) => c.text === '18 min wait')!;
		expect(f[3].cell).toEqual({ stepId: d, laneId: lane('painPoints'), cardId: pain.id });
		expect(f[0].cell.stepId).toBe(b);
		expect(f[5]).toMatchObject({ values: { step: 'wait' }, cell: { laneId: lane('emotion') } });
	});

	it('clears findings as the map is completed; register owners count', () => {
		const setupResult = setup();
		const { lane, b, d } = setupResult;
		let s = setupResult.s;
		s = addCard(s, { laneId: lane('opportunities'), stepId: d, text: 'show ETA' }).state;
		s = linkPainPoint(s, s.cards.find((c) => c.text === '18 min wait')!.id, s.cards.find((c) => c.text === 'show ETA')!.id).state;
		s = addCard(s, { laneId: lane('owner'), stepId: b, text: 'Marketing' }).state;
		s = setEmotion(s, s.journey.emotionCurves[0].id, d, -2).state;
		const f = checkCoverage(s, { touchpoints: [{ id: 'tp1', owner: 'Store' }], needTypes: ['explicit'] });
		expect(f).toEqual([]);
	});

	it('reports a journey with no needs lane once', () => {
		const s = newJourney({ workspaceId: 'w', title: 'T', lanes: [{ type: 'actions' }] });
		expect(checkCoverage(s).map((f) => f.kind)).toEqual(['noNeedsLane']);
	});
});
