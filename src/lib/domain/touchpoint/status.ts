// Whether a service standard meets its target (green / amber / red / unknown), unit conversion, trends and touchpoint roll-ups.
import type { Measurement, Standard, Target, Touchpoint, Unit } from './touchpoint.schema';

export type Status = 'green' | 'amber' | 'red' | 'unknown';
export const STATUS_RANK: Record<Status, number> = { unknown: 0, green: 1, amber: 2, red: 3 };

export interface StatusOptions {
	/**
	 * Width of the amber band outside the target. Relative (default): a fraction of the target
	 * (0.1 → within 10 % of "≥ 80 %" means 72–80 is amber); for a range, of the range width.
	 * Absolute: in the target's unit.
	 */
	band?: number;
	bandMode?: 'relative' | 'absolute';
}

const TIME_SECONDS: Partial<Record<Unit, number>> = { s: 1, min: 60, h: 3600 };

/** Converts between compatible units (s ↔ min ↔ h); other units only convert to themselves. */
export function convertUnit(value: number, from: Unit, to: Unit): number | null {
	if (from === to) return value;
	const a = TIME_SECONDS[from];
	const b = TIME_SECONDS[to];
	return a !== undefined && b !== undefined ? (value * a) / b : null;
}

/** Seconds for time units, the value itself otherwise — for comparing targets across channels. */
export function toBaseUnit(value: number, unit: Unit): { value: number; unit: Unit } {
	return TIME_SECONDS[unit] !== undefined ? { value: value * TIME_SECONDS[unit]!, unit: 's' } : { value, unit };
}

export function evaluateTarget(target: Target | null, value: number | null, unit?: Unit | null, opts: StatusOptions = {}): Status {
	if (!target || value === null || !Number.isFinite(value)) return 'unknown';
	const x = convertUnit(value, unit ?? target.unit, target.unit);
	if (x === null) return 'unknown';
	const band = opts.band ?? 0.1;
	const rel = (opts.bandMode ?? 'relative') === 'relative';
	// Floating error from unit conversion must not turn an exact hit amber.
	const eps = 1e-9 * Math.max(1, Math.abs(target.value), Math.abs(x));
	const width = (scale: number) => (rel ? band * Math.abs(scale) : band);
	switch (target.op) {
		case 'gte':
			return x >= target.value - eps ? 'green' : x >= target.value - width(target.value) - eps ? 'amber' : 'red';
		case 'lte':
			return x <= target.value + eps ? 'green' : x <= target.value + width(target.value) + eps ? 'amber' : 'red';
		case 'eq': {
			const d = Math.abs(x - target.value);
			return d <= eps ? 'green' : d <= width(target.value) + eps ? 'amber' : 'red';
		}
		case 'range': {
			const lo = target.value;
			const hi = target.max ?? target.value;
			if (x >= lo - eps && x <= hi + eps) return 'green';
			const d = x < lo ? lo - x : x - hi;
			const w = rel ? band * (hi - lo > 0 ? hi - lo : Math.abs(lo)) : band;
			return d <= w + eps ? 'amber' : 'red';
		}
	}
}

/** Newest by date; for the same day, the one entered last. */
export function latestMeasurement(ms: readonly Measurement[]): Measurement | null {
	let best: Measurement | null = null;
	for (const m of ms) if (!best || m.date >= best.date) best = m;
	return best;
}

export interface StandardStatus {
	status: Status;
	latest: Measurement | null;
	/** Why the status is unknown, for the tooltip. */
	reason: 'noTarget' | 'noMeasurement' | 'unitMismatch' | null;
}

export function evaluateStandard(st: Pick<Standard, 'target' | 'measurements'>, opts?: StatusOptions): StandardStatus {
	const latest = latestMeasurement(st.measurements);
	if (!st.target) return { status: 'unknown', latest, reason: 'noTarget' };
	if (!latest) return { status: 'unknown', latest, reason: 'noMeasurement' };
	const status = evaluateTarget(st.target, latest.value, latest.unit, opts);
	return { status, latest, reason: status === 'unknown' ? 'unitMismatch' : null };
}

export interface Trend {
	points: { date: string; value: number }[];
	direction: 'up' | 'down' | 'flat' | null;
	/** Whether the last move went toward the target (null if it cannot tell). */
	improving: boolean | null;
}

/** Series in the target's unit, oldest first; direction compares the last two points. */
export function standardTrend(st: Pick<Standard, 'target' | 'measurements'>): Trend {
	const unit = st.target?.unit;
	const points = st.measurements
		.map((m, i) => ({ m, i }))
		.sort((a, b) => a.m.date.localeCompare(b.m.date) || a.i - b.i)
		.map(({ m }) => ({ date: m.date, value: unit ? convertUnit(m.value, m.unit ?? unit, unit) : m.value }))
		.filter((p): p is { date: string; value: number } => p.value !== null);
	if (points.length < 2) return { points, direction: null, improving: null };
	const [a, b] = [points.at(-2)!.value, points.at(-1)!.value];
	const direction = b > a ? 'up' : b < a ? 'down' : 'flat';
	let improving: boolean | null = null;
	if (st.target && direction !== 'flat') {
		const t = st.target;
		if (t.op === 'gte') improving = direction === 'up';
		else if (t.op === 'lte') improving = direction === 'down';
		else {
			const mid = t.op === 'range' ? (t.value + (t.max ?? t.value)) / 2 : t.value;
			improving = Math.abs(b - mid) < Math.abs(a - mid);
		}
	}
	return { points, direction, improving };
}

export interface TouchpointStatus {
	/** Worst known status; unknown only when no standard could be evaluated. */
	status: Status;
	counts: Record<Status, number>;
	lastChecked: string | null;
}

export function touchpointStatus(tp: Pick<Touchpoint, 'standards'>, opts?: StatusOptions): TouchpointStatus {
	const counts: Record<Status, number> = { green: 0, amber: 0, red: 0, unknown: 0 };
	let status: Status = 'unknown';
	let lastChecked: string | null = null;
	for (const st of tp.standards) {
		const r = evaluateStandard(st, opts);
		counts[r.status]++;
		if (STATUS_RANK[r.status] > STATUS_RANK[status]) status = r.status;
		if (r.latest && (!lastChecked || r.latest.date > lastChecked)) lastChecked = r.latest.date;
	}
	return { status, counts, lastChecked };
}

/** "≥ 80 %", "≤ 20 s", "2–5 min" — a compact, locale-neutral rendering for tables and CSV. */
export function formatTarget(t: Target): string {
	const u = t.unit === '%' ? '%' : ` ${t.unit}`;
	switch (t.op) {
		case 'gte':
			return `≥ ${t.value}${u}`;
		case 'lte':
			return `≤ ${t.value}${u}`;
		case 'eq':
			return `= ${t.value}${u}`;
		case 'range':
			return `${t.value}–${t.max}${u}`;
	}
}
