// Workshop helpers: dot voting on one shared screen, stage-by-stage reveal, outline structure, emotion highs and lows.
import type { Card } from './card.schema';
import type { EmotionCurve, Journey } from './journey.schema';
import { LANE_LABELS } from './lanes';
import type { Locale } from '../record';
import { commit, type EditContext, type EditResult, type JourneyState } from './state';

export interface VotingSession {
	participants: number;
	dotsPerParticipant: number;
	/** Whose turn it is, 0-based. */
	current: number;
	/** ballots[participant] = card ids, one entry per dot (a card may get several dots). */
	ballots: string[][];
	/** Whether one participant may put more than one dot on the same card. */
	allowStacking: boolean;
}

export function startVoting(participants: number, dotsPerParticipant: number, allowStacking = true): VotingSession {
	const n = Math.max(1, Math.floor(participants));
	return {
		participants: n,
		dotsPerParticipant: Math.max(1, Math.floor(dotsPerParticipant)),
		current: 0,
		ballots: Array.from({ length: n }, () => []),
		allowStacking
	};
}

export const dotsLeft = (s: VotingSession, participant = s.current): number => s.dotsPerParticipant - (s.ballots[participant]?.length ?? 0);

/** The current participant places a dot; refused (same session back) when out of dots or stacking is off. */
export function castDot(s: VotingSession, cardId: string): VotingSession {
	const mine = s.ballots[s.current];
	if (dotsLeft(s) <= 0 || (!s.allowStacking && mine.includes(cardId))) return s;
	return { ...s, ballots: s.ballots.map((b, i) => (i === s.current ? [...b, cardId] : b)) };
}

/** Takes back the current participant's last dot on `cardId`. */
export function removeDot(s: VotingSession, cardId: string): VotingSession {
	const mine = s.ballots[s.current];
	const i = mine.lastIndexOf(cardId);
	if (i < 0) return s;
	return { ...s, ballots: s.ballots.map((b, k) => (k === s.current ? [...b.slice(0, i), ...b.slice(i + 1)] : b)) };
}

export function nextParticipant(s: VotingSession): VotingSession {
	return { ...s, current: Math.min(s.participants - 1, s.current + 1) };
}

export const votingDone = (s: VotingSession): boolean => s.ballots.every((b) => b.length >= s.dotsPerParticipant);

/** Cards ranked by dots (ties keep map order), with how many participants voted for each. */
export function votingResults(s: VotingSession, cards: readonly Card[]): { cardId: string; dots: number; voters: number }[] {
	const pos = new Map(cards.map((c, i) => [c.id, i]));
	const dots = new Map<string, number>();
	const voters = new Map<string, number>();
	for (const b of s.ballots) {
		for (const id of b) dots.set(id, (dots.get(id) ?? 0) + 1);
		for (const id of new Set(b)) voters.set(id, (voters.get(id) ?? 0) + 1);
	}
	return [...dots.entries()]
		.filter(([id]) => pos.has(id))
		.map(([cardId, n]) => ({ cardId, dots: n, voters: voters.get(cardId) ?? 0 }))
		.sort((a, b) => b.dots - a.dots || pos.get(a.cardId)! - pos.get(b.cardId)!);
}

/** Adds the session's dots to the cards' vote counts as one undoable edit. */
export function applyVotes(state: JourneyState, s: VotingSession, ctx?: EditContext): EditResult {
	const add = new Map<string, number>();
	for (const b of s.ballots) for (const id of b) add.set(id, (add.get(id) ?? 0) + 1);
	return commit(
		state,
		{ journey: state.journey, cards: state.cards.map((c) => (add.has(c.id) ? { ...c, votes: c.votes + add.get(c.id)! } : c)) },
		'journey.edit.vote',
		ctx
	);
}

/** Stage ids visible after revealing `revealed` stages (workshop mode shows the map stage by stage). */
export function revealedStages(j: Journey, revealed: number): Set<string> {
	return new Set(j.stages.slice(0, Math.max(0, revealed)).map((s) => s.id));
}

export interface OutlineNode {
	stageId: string;
	stage: string;
	steps: {
		stepId: string;
		step: string;
		lanes: { laneId: string; lane: string; cards: Card[] }[];
	}[];
}

/** The map as a tree (stage → step → visible lane → cards) for the outline / screen-reader view. */
export function outline(state: JourneyState, locale: Locale): OutlineNode[] {
	const lanes = state.journey.lanes.filter((l) => !l.hidden);
	const byCell = new Map<string, Card[]>();
	for (const c of state.cards) {
		const k = `${c.laneId}\u0000${c.stepId}`;
		byCell.set(k, [...(byCell.get(k) ?? []), c]);
	}
	return state.journey.stages.map((st) => ({
		stageId: st.id,
		stage: st.name,
		steps: st.steps.map((x) => ({
			stepId: x.id,
			step: x.name,
			lanes: lanes
				.filter((l) => l.type !== 'emotion')
				.map((l) => ({
					laneId: l.id,
					lane: l.name ?? LANE_LABELS[l.type][locale],
					cards: (byCell.get(`${l.id}\u0000${x.id}`) ?? []).sort((a, b) => a.order - b.order)
				}))
		}))
	}));
}

/** Highs and lows to label on the curve: every step holding the curve's max or min score. */
export function emotionExtremes(
	j: Journey,
	curve: EmotionCurve
): { highs: string[]; lows: string[]; max: number | null; min: number | null } {
	const steps = j.stages.flatMap((s) => s.steps.map((x) => x.id)).filter((id) => curve.scores[id] !== undefined);
	if (steps.length === 0) return { highs: [], lows: [], max: null, min: null };
	const vals = steps.map((id) => curve.scores[id]);
	const max = Math.max(...vals);
	const min = Math.min(...vals);
	if (max === min) return { highs: [], lows: [], max, min };
	return { highs: steps.filter((id) => curve.scores[id] === max), lows: steps.filter((id) => curve.scores[id] === min), max, min };
}
