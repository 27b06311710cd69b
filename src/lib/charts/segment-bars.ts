// Segment bar chart layout: one row per segment with a customer-share bar and a revenue-share bar on a shared 0–max% scale.
import { scaleLinear } from 'd3';

export interface BarRow {
	key: string;
	y: number;
	customers: number;
	customerShare: number;
	revenueShare: number;
	customerW: number;
	revenueW: number;
}

export function segmentBarsLayout(
	groups: readonly { key: string; customers: number; customerShare: number; revenueShare: number }[],
	width: number,
	rowH: number
): { rows: BarRow[]; x: (v: number) => number; ticks: number[] } {
	const max = Math.max(0.05, ...groups.map((g) => Math.max(g.customerShare, g.revenueShare)));
	const x = scaleLinear().domain([0, max]).range([0, width]).nice();
	const rows = groups.map((g, i) => ({
		key: g.key,
		y: i * rowH,
		customers: g.customers,
		customerShare: g.customerShare,
		revenueShare: g.revenueShare,
		customerW: x(g.customerShare),
		revenueW: x(g.revenueShare)
	}));
	return { rows, x, ticks: x.ticks(4) };
}
