// Print pagination keeps stages whole when they fit and splits only an over-wide stage, in order, losing no step.
import { describe, expect, it } from 'vitest';
import { newJourney } from '$lib/domain/journey';
import { maxStepsPerSheet, paginate } from './paginate';

const map = (sizes: number[]) =>
	newJourney({
		workspaceId: 'w',
		title: 'T',
		stages: sizes.map((n, i) => ({ name: `S${i}`, steps: Array.from({ length: n }, (_, k) => `s${i}.${k}`) }))
	}).journey;

describe('paginate', () => {
	it('packs whole stages per sheet', () => {
		const sheets = paginate(map([3, 3, 2, 4]), 6);
		expect(sheets.map((s) => s.stages.map((x) => x.stage.name))).toEqual([
			['S0', 'S1'],
			['S2', 'S3']
		]);
	});
	it('splits a stage wider than a sheet by steps and marks the continuation', () => {
		const sheets = paginate(map([2, 8, 1]), 3);
		// The split stage's tail shares its sheet with the next stage when they fit together.
		expect(sheets.map((s) => s.steps.length)).toEqual([2, 3, 3, 3]);
		expect(sheets[3].stages.map((x) => [x.stage.name, x.continued])).toEqual([
			['S1', true],
			['S2', false]
		]);
		expect(sheets[2].stages[0].continued).toBe(true);
		expect(sheets[1].stages[0].continued).toBe(false);
	});
	it('keeps every step exactly once, in order', () => {
		const j = map([5, 1, 7, 2, 2, 9]);
		const steps = paginate(j, 4).flatMap((s) => s.steps.map((x) => x.id));
		expect(steps).toEqual(j.stages.flatMap((s) => s.steps.map((x) => x.id)));
	});
	it('fits more steps on A3 than on A4', () => {
		expect(maxStepsPerSheet('a3')).toBeGreaterThan(maxStepsPerSheet('a4'));
		expect(maxStepsPerSheet('a4')).toBeGreaterThanOrEqual(5);
	});
});
