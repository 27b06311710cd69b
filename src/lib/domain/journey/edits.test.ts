// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journeyArb } from '../../../../tests/fixtures/journey/arbitrary';
import { newJourney } from './create';
import {
	addCard,
	addLane,
	addStage,
	copyCards,
	clipboardFromText,
	clipboardToText,
	deleteCards,
	deleteStage,
	deleteStep,
	linkPainPoint,
	moveCards,
	moveLane,
	moveStage,
	moveStep,
	nudgeCards,
	pasteCards,
	renameLane,
	renameStage,
	setEmotion,
	setLaneHidden,
	snapEmotion,
	updateHeader,
	voteCard
} from './edits';
import { applyEdit, cellCards, isNoop, type JourneyState } from './state';

const ids = () => {
	let n = 0;
	return { now: 5, newId: () => `n${n++}` };
};
const base = () =>
	newJourney(
		{
			workspaceId: 'ws',
			title: 'T',
			stages: [
				{ name: 'Before', steps: ['discover', 'plan'] },
				{ name: 'During', steps: ['order'] }
			]
		},
		{
			now: 1,
			newId: (() => {
				let n = 0;
				return () => `b${n++}`;
			})()
		}
	);
const sorted = (s: JourneyState) => ({ journey: s.journey, cards: [...s.cards].sort((a, b) => a.id.localeCompare(b.id)) });
const cellOrdersOk = (s: JourneyState) => {
	const cells = new Map<string, number[]>();
	for (const c of s.cards) cells.set(c.laneId + c.stepId, [...(cells.get(c.laneId + c.stepId) ?? []), c.order]);
	return [...cells.values()].every((o) => o.sort((a, b) => a - b).every((x, i) => x === i));
};

describe('stages', () => {
	it('adds, reorders and deletes a stage with undo restoring its cards and scores', () => {
		const ctx = ids();
		let s = base();
		const during = s.journey.stages[1];
		const lane = s.journey.lanes[0];
		s = addCard(s, { laneId: lane.id, stepId: during.steps[0].id, text: 'order at counter' }, ctx).state;
		s = setEmotion(s, s.journey.emotionCurves[0].id, during.steps[0].id, -2, ctx).state;
		const r = deleteStage(s, during.id, ctx);
		expect(r.state.journey.stages).toHaveLength(1);
		expect(r.state.cards).toHaveLength(0);
		expect(r.state.journey.emotionCurves[0].scores).toEqual({});
		expect(r.edit.remove).toHaveLength(1);
		expect(sorted(applyEdit(r.state, r.inverse))).toEqual(sorted(s));

		const added = addStage(s, { name: 'After', stepNames: ['review', 'return'] }, ctx).state;
		expect(added.journey.stages.map((x) => x.name)).toEqual(['Before', 'During', 'After']);
		const moved = moveStage(added, added.journey.stages[2].id, 0, ctx).state;
		expect(moved.journey.stages.map((x) => x.name)).toEqual(['After', 'Before', 'During']);
	});

	it('moves a step across stages and drops a stage left empty; deleting the last step deletes the stage', () => {
		const s = base();
		const [before, during] = s.journey.stages;
		const r = moveStep(s, during.steps[0].id, { stageId: before.id, index: 0 });
		expect(r.state.journey.stages).toHaveLength(1);
		expect(r.state.journey.stages[0].steps.map((x) => x.name)).toEqual(['order', 'discover', 'plan']);
		expect(deleteStep(s, during.steps[0].id).state.journey.stages).toHaveLength(1);
		expect(deleteStep(s, before.steps[0].id).state.journey.stages[0].steps).toHaveLength(1);
	});
});

describe('lanes', () => {
	it('adds custom lanes, hides, renames (null resets) and reorders', () => {
		let s = base();
		s = addLane(s, { type: 'custom', name: 'Staff mood', index: 0 }, ids()).state;
		expect(s.journey.lanes[0]).toMatchObject({ type: 'custom', name: 'Staff mood', hidden: false });
		s = setLaneHidden(s, s.journey.lanes[1].id, true).state;
		expect(s.journey.lanes[1].hidden).toBe(true);
		s = renameLane(s, s.journey.lanes[1].id, '  ').state;
		expect(s.journey.lanes[1].name).toBeNull();
		const last = s.journey.lanes.at(-1)!.id;
		s = moveLane(s, last, 0).state;
		expect(s.journey.lanes[0].id).toBe(last);
	});
});

describe('cards', () => {
	it('adds need cards as explicit by default and keeps cell order 0..n-1', () => {
		const ctx = ids();
		let s = base();
		const needs = s.journey.lanes.find((l) => l.type === 'needs')!;
		const step = s.journey.stages[0].steps[0].id;
		s = addCard(s, { laneId: needs.id, stepId: step, text: 'a' }, ctx).state;
		s = addCard(s, { laneId: needs.id, stepId: step, text: 'b', index: 0 }, ctx).state;
		const cell = cellCards(s.cards, needs.id, step);
		expect(cell.map((c) => c.text)).toEqual(['b', 'a']);
		expect(cell.map((c) => c.order)).toEqual([0, 1]);
		expect(cell[0].needType).toBe('explicit');
	});

	it('ignores adds to a cell that does not exist', () => {
		const s = base();
		const r = addCard(s, { laneId: 'nope', stepId: s.journey.stages[0].steps[0].id });
		expect(r.state).toBe(s);
		expect(r.edit.put).toEqual([]);
	});

	it('votes never go below zero, links and unlinks pain points, deleting removes dangling links', () => {
		const ctx = ids();
		let s = base();
		const pain = s.journey.lanes.find((l) => l.type === 'painPoints')!.id;
		const opp = s.journey.lanes.find((l) => l.type === 'opportunities')!.id;
		const step = s.journey.stages[0].steps[0].id;
		s = addCard(s, { laneId: pain, stepId: step, text: 'wait' }, ctx).state;
		s = addCard(s, { laneId: opp, stepId: step, text: 'show queue' }, ctx).state;
		const [p, o] = [s.cards[0].id, s.cards[1].id];
		s = voteCard(s, p, -3).state;
		expect(s.cards[0].votes).toBe(0);
		s = linkPainPoint(s, p, o).state;
		expect(s.cards.find((c) => c.id === p)!.opportunityIds).toEqual([o]);
		s = deleteCards(s, [o]).state;
		expect(s.cards.find((c) => c.id === p)!.opportunityIds).toEqual([]);
	});

	it('copy/paste keeps the selection shape, remaps internal links and accepts plain text', () => {
		const ctx = ids();
		let s = base();
		const [a, t] = s.journey.lanes;
		const [s0, s1] = s.journey.stages[0].steps;
		s = addCard(s, { laneId: a.id, stepId: s0.id, text: 'x', votes: 3 }, ctx).state;
		s = addCard(s, { laneId: t.id, stepId: s1.id, text: 'y' }, ctx).state;
		s = linkPainPoint(s, s.cards[0].id, s.cards[1].id).state;
		const clip = clipboardFromText(
			clipboardToText(
				copyCards(
					s,
					s.cards.map((c) => c.id)
				)
			)
		);
		const r = pasteCards(s, clip, { laneId: t.id, stepId: s1.id }, ctx);
		const pasted = r.state.cards.filter((c) => r.pastedIds.includes(c.id));
		expect(pasted).toHaveLength(2);
		const px = pasted.find((c) => c.text === 'x')!;
		const py = pasted.find((c) => c.text === 'y')!;
		expect([px.laneId, px.stepId]).toEqual([t.id, s1.id]);
		// y was one lane down and one step right; the grid clamps it into the last step.
		expect(py.laneId).toBe(s.journey.lanes[2].id);
		expect(px.votes).toBe(0);
		expect(px.opportunityIds).toEqual([py.id]);
		const plain = pasteCards(s, clipboardFromText('one\n\ntwo\r\n'), { laneId: a.id, stepId: s0.id }, ctx);
		expect(plain.pastedIds).toHaveLength(2);
		expect(cellOrdersOk(plain.state)).toBe(true);
	});
});

describe('emotion', () => {
	it('snaps to half steps within −3..+3 and clears with null', () => {
		expect([snapEmotion(2.3), snapEmotion(-9), snapEmotion(0.74)]).toEqual([2.5, -3, 0.5]);
		let s = base();
		const curve = s.journey.emotionCurves[0].id;
		const step = s.journey.stages[0].steps[0].id;
		s = setEmotion(s, curve, step, 1.2).state;
		expect(s.journey.emotionCurves[0].scores[step]).toBe(1);
		s = setEmotion(s, curve, step, null).state;
		expect(s.journey.emotionCurves[0].scores).toEqual({});
	});
});

describe('properties', () => {
	it('card moves preserve the card set and keep every cell numbered 0..n-1; the inverse undoes them', () => {
		fc.assert(
			fc.property(
				journeyArb,
				fc.array(
					fc.record({
						pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
						lane: fc.nat(),
						step: fc.nat(),
						index: fc.nat(5),
						nudge: fc.boolean(),
						d: fc.integer({ min: -1, max: 1 })
					}),
					{ maxLength: 6 }
				),
				(s0, moves) => {
					let s = s0;
					for (const m of moves) {
						if (s.cards.length === 0) break;
						const sel = [...new Set(m.pick.map((i) => s.cards[i % s.cards.length].id))];
						const lanes = s.journey.lanes;
						const steps = s.journey.stages.flatMap((st) => st.steps);
						const before = s;
						const r = m.nudge
							? nudgeCards(s, sel, { dLane: m.d, dStep: -m.d })
							: moveCards(s, sel, { laneId: lanes[m.lane % lanes.length].id, stepId: steps[m.step % steps.length].id, index: m.index });
						s = r.state;
						expect(sorted(applyEdit(s, r.inverse))).toEqual(sorted(before));
						expect(s.cards.map((c) => c.id).sort()).toEqual(before.cards.map((c) => c.id).sort());
						expect(cellOrdersOk(s)).toBe(true);
					}
					expect(s.cards.map((c) => c.text).sort()).toEqual(s0.cards.map((c) => c.text).sort());
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('no-op edits', () => {
	it('renaming to the same name or re-setting the same score changes nothing', () => {
		const s = base();
		const st = s.journey.stages[0];
		expect(isNoop(renameStage(s, st.id, st.name).edit)).toBe(true);
		expect(isNoop(updateHeader(s, { title: s.journey.title }).edit)).toBe(true);
		const once = setEmotion(s, s.journey.emotionCurves[0].id, st.steps[0].id, 1).state;
		expect(isNoop(setEmotion(once, once.journey.emotionCurves[0].id, st.steps[0].id, 1).edit)).toBe(true);
		expect(isNoop(updateHeader(s, { title: 'New' }).edit)).toBe(false);
	});
});
