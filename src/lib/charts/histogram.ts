// Histogram layout over fixed [0, 1] bins (P(alive)): bar rectangles and a count axis.
import { scaleLinear } from 'd3';

export function histogramLayout(bins: readonly number[], width: number, height: number) {
	const yMax = Math.max(1, ...bins);
	const y = scaleLinear().domain([0, yMax]).range([height, 0]).nice();
	const x = scaleLinear().domain([0, 1]).range([0, width]);
	const step = 1 / bins.length;
	const bars = bins.map((count, i) => ({
		from: i * step,
		to: (i + 1) * step,
		count,
		x: x(i * step) + 1,
		w: Math.max(0, x(step) - x(0) - 2),
		y: y(count),
		h: height - y(count)
	}));
	return { x, y, bars, yTicks: y.ticks(4), xTicks: [0, 0.25, 0.5, 0.75, 1] };
}
