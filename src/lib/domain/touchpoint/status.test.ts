// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { convertUnit, evaluateStandard, evaluateTarget, formatTarget, standardTrend, touchpointStatus } from './status';
import type { Target } from './touchpoint.schema';
import { teaHouseRegister } from '../../../../tests/fixtures/touchpoint/tea-house';

const t = (op: Target['op'], value: number, unit: Target['unit'], max: number | null = null): Target => ({ op, value, max, unit });

describe('status evaluation', () => {
	it('≥ target: green at or above, amber within 10 %, red below', () => {
		const target = t('gte', 80, '%');
		expect([85, 80, 75, 72, 71.9].map((x) => evaluateTarget(target, x))).toEqual(['green', 'green', 'amber', 'amber', 'red']);
	});

	it('≤ target: green at or below, amber within 10 %, red above', () => {
		const target = t('lte', 20, 's');
		expect([5, 20, 21, 22, 22.5].map((x) => evaluateTarget(target, x))).toEqual(['green', 'green', 'amber', 'amber', 'red']);
	});

	it('ranges: inside green, amber within 10 % of the range width outside, red beyond', () => {
		const target = t('range', 2, 'min', 5);
		expect([2, 3.5, 5, 5.3, 1.7, 5.31, 1].map((x) => evaluateTarget(target, x))).toEqual([
			'green',
			'green',
			'green',
			'amber',
			'amber',
			'red',
			'red'
		]);
	});

	it('= target with a relative band, and an absolute band when configured', () => {
		expect([5, 5.4, 6].map((x) => evaluateTarget(t('eq', 5, 'count'), x))).toEqual(['green', 'amber', 'red']);
		expect(evaluateTarget(t('gte', 80, '%'), 76, null, { band: 5, bandMode: 'absolute' })).toBe('amber');
		expect(evaluateTarget(t('gte', 80, '%'), 74, null, { band: 5, bandMode: 'absolute' })).toBe('red');
		expect(evaluateTarget(t('gte', 80, '%'), 79, null, { band: 0 })).toBe('red');
	});

	it('converts time units and refuses incompatible ones', () => {
		expect(convertUnit(2, 'min', 's')).toBe(120);
		expect(convertUnit(90, 'min', 'h')).toBe(1.5);
		expect(convertUnit(1, '%', 'score')).toBeNull();
		expect(evaluateTarget(t('lte', 20, 's'), 0.3, 'min')).toBe('green'); // 18 s
		expect(evaluateTarget(t('lte', 1, 'min'), 60, 's')).toBe('green'); // exact after conversion
		expect(evaluateTarget(t('lte', 20, 's'), 20, '%')).toBe('unknown');
	});

	it('missing data is unknown, with the reason', () => {
		expect(evaluateTarget(null, 3)).toBe('unknown');
		expect(evaluateTarget(t('gte', 1, 'count'), null)).toBe('unknown');
		expect(evaluateTarget(t('gte', 1, 'count'), Number.NaN)).toBe('unknown');
		expect(evaluateStandard({ target: null, measurements: [{ date: '2024-01-01', value: 1 }] }).reason).toBe('noTarget');
		expect(evaluateStandard({ target: t('gte', 1, 'count'), measurements: [] })).toMatchObject({
			status: 'unknown',
			reason: 'noMeasurement'
		});
		expect(evaluateStandard({ target: t('gte', 1, 'count'), measurements: [{ date: '2024-01-01', value: 1, unit: 's' }] }).reason).toBe(
			'unitMismatch'
		);
	});

	it('uses the latest measurement by date and reports the trend toward the target', () => {
		const st = {
			target: t('lte', 20, 's'),
			measurements: [
				{ date: '2024-06-02', value: 21 },
				{ date: '2024-05-01', value: 0.5, unit: 'min' as const }
			]
		};
		expect(evaluateStandard(st)).toMatchObject({ status: 'amber', latest: { date: '2024-06-02' } });
		expect(standardTrend(st)).toEqual({
			points: [
				{ date: '2024-05-01', value: 30 },
				{ date: '2024-06-02', value: 21 }
			],
			direction: 'down',
			improving: true
		});
	});

	it('rolls a touchpoint up to its worst known status', () => {
		const [hotline, chat, store, social] = teaHouseRegister();
		expect(touchpointStatus(hotline)).toEqual({
			status: 'red',
			counts: { green: 0, amber: 1, red: 1, unknown: 0 },
			lastChecked: '2024-06-02'
		});
		expect(touchpointStatus(chat).status).toBe('unknown');
		expect(touchpointStatus(store).status).toBe('green');
		expect(touchpointStatus(social)).toMatchObject({ status: 'unknown', lastChecked: null });
	});

	it('formats targets compactly', () => {
		expect([formatTarget(t('gte', 80, '%')), formatTarget(t('lte', 20, 's')), formatTarget(t('range', 2, 'min', 5))]).toEqual([
			'≥ 80%',
			'≤ 20 s',
			'2–5 min'
		]);
	});
});
