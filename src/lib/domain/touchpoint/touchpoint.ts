// Creating touchpoints and small pure edits on one (standards, measurements, process steps) for the register UI.
import { newId as randomId } from '../record';
import type { Measurement, ProcessStep, Standard, Touchpoint } from './touchpoint.schema';

export interface TouchpointContext {
	now?: number;
	newId?: () => string;
}

export function newTouchpoint(
	workspaceId: string,
	fields: Partial<Omit<Touchpoint, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>> & { name: string; channelId: string },
	ctx: TouchpointContext = {}
): Touchpoint {
	const now = ctx.now ?? Date.now();
	return {
		stages: [],
		owner: '',
		side: 'frontstage',
		process: [],
		standards: [],
		notes: '',
		...fields,
		id: (ctx.newId ?? randomId)(),
		workspaceId,
		createdAt: now,
		updatedAt: now,
		version: 1
	};
}

const touch = (tp: Touchpoint, patch: Partial<Touchpoint>, ctx: TouchpointContext): Touchpoint => ({
	...tp,
	...patch,
	updatedAt: ctx.now ?? Date.now()
});

export function newStandard(fields: Partial<Omit<Standard, 'id'>> & Pick<Standard, 'dimension'>, ctx: TouchpointContext = {}): Standard {
	return { metric: '', text: '', target: null, check: null, measurements: [], ...fields, id: (ctx.newId ?? randomId)() };
}

export function upsertStandard(tp: Touchpoint, st: Standard, ctx: TouchpointContext = {}): Touchpoint {
	const i = tp.standards.findIndex((x) => x.id === st.id);
	const standards = i < 0 ? [...tp.standards, st] : tp.standards.map((x) => (x.id === st.id ? st : x));
	return touch(tp, { standards }, ctx);
}

export function removeStandard(tp: Touchpoint, standardId: string, ctx: TouchpointContext = {}): Touchpoint {
	return touch(tp, { standards: tp.standards.filter((x) => x.id !== standardId) }, ctx);
}

/** Adds a hand-entered measurement; one per standard per day — a second entry for the day replaces the first. */
export function recordMeasurement(tp: Touchpoint, standardId: string, m: Measurement, ctx: TouchpointContext = {}): Touchpoint {
	return touch(
		tp,
		{
			standards: tp.standards.map((s) =>
				s.id === standardId
					? { ...s, measurements: [...s.measurements.filter((x) => x.date !== m.date), m].sort((a, b) => a.date.localeCompare(b.date)) }
					: s
			)
		},
		ctx
	);
}

export function setProcess(tp: Touchpoint, process: ProcessStep[], ctx: TouchpointContext = {}): Touchpoint {
	return touch(tp, { process }, ctx);
}

export function moveProcessStep(tp: Touchpoint, stepId: string, toIndex: number, ctx: TouchpointContext = {}): Touchpoint {
	const from = tp.process.findIndex((s) => s.id === stepId);
	if (from < 0) return tp;
	const process = tp.process.slice();
	const [s] = process.splice(from, 1);
	process.splice(Math.max(0, Math.min(toIndex, process.length)), 0, s);
	return touch(tp, { process }, ctx);
}

/** Total expected time of the standard process in seconds (steps without a time are skipped). */
export function processDurationSeconds(tp: Pick<Touchpoint, 'process'>): number {
	const f = { s: 1, min: 60, h: 3600 } as Record<string, number>;
	return tp.process.reduce(
		(sum, s) => sum + (s.expectedTime && f[s.expectedTime.unit] ? s.expectedTime.value * f[s.expectedTime.unit] : 0),
		0
	);
}
