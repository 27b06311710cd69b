// RFM grid heatmap layout: recency score (rows, 5 on top) × frequency score (columns), coloured by customers or mean monetary.
import { scaleSequential, interpolateBlues, hsl } from 'd3';

export interface GridCell {
	r: number;
	f: number;
	x: number;
	y: number;
	size: number;
	count: number;
	meanM: number;
	value: number;
	fill: string;
	/** Dark text on light cells, white on dark ones. */
	ink: string;
}

export function rfmGridLayout(
	grid: { count: number[]; meanM: number[] },
	mode: 'count' | 'monetary',
	cell: number,
	left: number,
	top: number
): GridCell[] {
	const values = mode === 'count' ? grid.count : grid.meanM;
	const max = Math.max(1e-9, ...values);
	const color = scaleSequential(interpolateBlues).domain([0, max]);
	const out: GridCell[] = [];
	for (let r = 1; r <= 5; r++)
		for (let f = 1; f <= 5; f++) {
			const g = (r - 1) * 5 + (f - 1);
			const value = values[g];
			const fill = grid.count[g] === 0 ? '#eef1f5' : color(0.08 * max + 0.92 * value);
			out.push({
				r,
				f,
				x: left + (f - 1) * cell,
				y: top + (5 - r) * cell,
				size: cell,
				count: grid.count[g],
				meanM: grid.meanM[g],
				value,
				fill,
				ink: hsl(fill).l < 0.55 ? '#ffffff' : '#17212f'
			});
		}
	return out;
}
