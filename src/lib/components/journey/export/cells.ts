// Grouping helpers shared by the workshop and print views (plain TS: built inside `$derived`, never mutated afterwards).
import { blueprintLines, type BlueprintLineKind, type Card, type Lane } from '$lib/domain/journey';

/** Cards by `${laneId}|${stepId}`, each cell in display order. */
export function groupByCell(cards: readonly Card[]): Map<string, Card[]> {
	const m = new Map<string, Card[]>();
	for (const c of cards) {
		const k = `${c.laneId}|${c.stepId}`;
		const g = m.get(k);
		if (g) g.push(c);
		else m.set(k, [c]);
	}
	for (const g of m.values()) g.sort((a, b) => a.order - b.order);
	return m;
}

/** Blueprint lines to draw above each visible lane. */
export function linesBeforeLanes(lanes: readonly Lane[]): Map<string, BlueprintLineKind[]> {
	const m = new Map<string, BlueprintLineKind[]>();
	for (const l of blueprintLines(lanes)) m.set(l.beforeLaneId, [...(m.get(l.beforeLaneId) ?? []), l.kind]);
	return m;
}
