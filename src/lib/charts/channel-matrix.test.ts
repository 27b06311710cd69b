import { describe, expect, it } from 'vitest';
import { matrixLayout, fitLabel, textWidth } from './channel-matrix';
import { channelStageMatrix, standardStageInfo } from '$lib/domain/touchpoint';
import { teaHouseRegister } from '../../../tests/fixtures/touchpoint/tea-house';

describe('channel matrix layout', () => {
	it('gives every cell a place and tints by count, zero stays bare', () => {
		const m = channelStageMatrix(teaHouseRegister(), standardStageInfo('en'));
		const l = matrixLayout(m, { width: 800 });
		expect(l.cells).toHaveLength(m.channels.length);
		expect(l.cells[0]).toHaveLength(3);
		const flat = l.cells.flat();
		for (const c of flat) {
			expect(c.x).toBeGreaterThanOrEqual(l.rowHeader);
			expect(c.x + c.w).toBeLessThanOrEqual(l.width + 0.001);
		}
		const counts = m.cells.flat().map((c) => c.count);
		flat.forEach((c, i) => expect(c.intensity === 0).toBe(counts[i] === 0));
		expect(l.legend[0]).toEqual({ count: 0, intensity: 0 });
	});

	it('never shrinks cells below the minimum on a narrow screen', () => {
		const m = channelStageMatrix(teaHouseRegister(), standardStageInfo('en'));
		const l = matrixLayout(m, { width: 200, minCellW: 90 });
		expect(l.width).toBeGreaterThan(200);
	});

	it('fits long labels with an ellipsis, counting Chinese characters wider', () => {
		expect(textWidth('接触中', 12)).toBe(36);
		expect(fitLabel('Delivery / installation', 60, 12)).toMatch(/…$/);
		expect(fitLabel('Store', 60, 12)).toBe('Store');
	});
});
