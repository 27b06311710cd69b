// Consistency view: the same standard dimension (and metric) compared across channels, flagging uneven targets.
import type { Dimension, Operator, Target, Touchpoint, Unit } from './touchpoint.schema';
import { DIMENSIONS } from './touchpoint.schema';
import { toBaseUnit } from './status';

export interface ConsistencyEntry {
	channelId: string;
	touchpointId: string;
	touchpointName: string;
	standardId: string;
	text: string;
	target: Target | null;
	/** Target in base units (time in seconds) so channels compare directly. */
	base: { op: Operator; value: number; max: number | null; unit: Unit } | null;
}

export interface ConsistencyGroup {
	dimension: Dimension;
	/** Normalised metric name ('' when standards did not name one). */
	metric: string;
	entries: ConsistencyEntry[];
	channels: string[];
	/** Why the group looks inconsistent; empty when targets agree (or only one channel has one). */
	issues: ('differentOperators' | 'differentUnits' | 'spread' | 'missingTarget')[];
	/** Largest / smallest comparable target value; 1 when equal. */
	spreadRatio: number | null;
}

export interface ConsistencyOptions {
	/** Targets may differ by this fraction before it counts as inconsistent (default 0.25). */
	tolerance?: number;
}

const metricKey = (m: string) => m.trim().toLowerCase().replace(/\s+/g, ' ');

/** Groups every standard by (dimension, metric); groups spanning more than one channel come first. */
export function consistencyByDimension(touchpoints: readonly Touchpoint[], opts: ConsistencyOptions = {}): ConsistencyGroup[] {
	const tol = opts.tolerance ?? 0.25;
	const groups = new Map<string, ConsistencyGroup>();
	for (const tp of touchpoints)
		for (const st of tp.standards) {
			const key = `${st.dimension}\u0000${metricKey(st.metric)}`;
			let g = groups.get(key);
			if (!g) {
				g = { dimension: st.dimension, metric: metricKey(st.metric), entries: [], channels: [], issues: [], spreadRatio: null };
				groups.set(key, g);
			}
			const t = st.target;
			const base = t
				? {
						op: t.op,
						value: toBaseUnit(t.value, t.unit).value,
						max: t.max === null || t.max === undefined ? null : toBaseUnit(t.max, t.unit).value,
						unit: toBaseUnit(t.value, t.unit).unit
					}
				: null;
			g.entries.push({
				channelId: tp.channelId,
				touchpointId: tp.id,
				touchpointName: tp.name,
				standardId: st.id,
				text: st.text,
				target: t,
				base
			});
			if (!g.channels.includes(tp.channelId)) g.channels.push(tp.channelId);
		}
	for (const g of groups.values()) {
		if (g.channels.length < 2) continue;
		const withTarget = g.entries.filter((e) => e.base);
		if (withTarget.length < g.entries.length) g.issues.push('missingTarget');
		const ops = new Set(withTarget.map((e) => e.base!.op));
		const units = new Set(withTarget.map((e) => e.base!.unit));
		if (ops.size > 1) g.issues.push('differentOperators');
		if (units.size > 1) g.issues.push('differentUnits');
		if (ops.size === 1 && units.size === 1 && withTarget.length > 1) {
			const vals = withTarget.map((e) => (e.base!.op === 'range' ? (e.base!.value + (e.base!.max ?? e.base!.value)) / 2 : e.base!.value));
			const lo = Math.min(...vals.map(Math.abs));
			const hi = Math.max(...vals.map(Math.abs));
			g.spreadRatio = lo === 0 ? (hi === 0 ? 1 : Infinity) : hi / lo;
			if (g.spreadRatio > 1 + tol) g.issues.push('spread');
		}
	}
	const order = (d: Dimension) => DIMENSIONS.indexOf(d);
	return [...groups.values()].sort(
		(a, b) =>
			Number(b.channels.length > 1) - Number(a.channels.length > 1) ||
			order(a.dimension) - order(b.dimension) ||
			a.metric.localeCompare(b.metric)
	);
}
