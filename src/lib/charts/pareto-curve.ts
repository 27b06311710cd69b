// Pareto (cumulative revenue, best customers first) from the Lorenz curve, with the 20% and 80% markers and tier bands.
import { scaleLinear, line } from 'd3';
import type { LorenzPoint } from '../domain/analytics/pareto/pareto';

/** Pareto point: share of customers (best first) → share of revenue they make. From Lorenz: P(x) = 1 − L(1 − x). */
export function paretoPoints(lorenz: readonly LorenzPoint[]): { x: number; y: number }[] {
	return lorenz.map((p) => ({ x: 1 - p.customers, y: 1 - p.revenue })).sort((a, b) => a.x - b.x);
}

export function paretoLayout(lorenz: readonly LorenzPoint[], width: number, height: number, tiersCum: readonly number[]) {
	const x = scaleLinear().domain([0, 1]).range([0, width]);
	const y = scaleLinear().domain([0, 1]).range([height, 0]);
	const pts = paretoPoints(lorenz);
	const path =
		line<{ x: number; y: number }>()
			.x((d) => x(d.x))
			.y((d) => y(d.y))(pts) ?? '';
	const diagonal = `M${x(0)},${y(0)}L${x(1)},${y(1)}`;
	// Tier bands on the customer axis: [start, end) shares.
	let start = 0;
	const bands = tiersCum.map((end) => {
		const b = { x0: x(start), x1: x(end) };
		start = end;
		return b;
	});
	return { x, y, path, diagonal, bands, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] };
}
