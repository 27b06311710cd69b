// Calibration/holdout chart layout: actual vs predicted cumulative repeat purchases per period, with the split marked.
import { scaleLinear, line } from 'd3';
import type { TrackingRow } from '../domain/analytics/clv/clv';

export function holdoutLayout(rows: readonly TrackingRow[], width: number, height: number) {
	const n = rows.length;
	const yMax = Math.max(1, ...rows.map((r) => Math.max(r.actualCumulative, r.predictedCumulative)));
	const x = scaleLinear()
		.domain([0, Math.max(1, n)])
		.range([0, width]);
	const y = scaleLinear().domain([0, yMax]).range([height, 0]).nice();
	const mk = (f: (r: TrackingRow) => number) =>
		line<TrackingRow>()
			.x((r) => x(r.period))
			.y((r) => y(f(r)))(rows as TrackingRow[]) ?? '';
	const lastCal = rows.filter((r) => !r.holdout).at(-1)?.period ?? 0;
	return {
		x,
		y,
		actual: mk((r) => r.actualCumulative),
		predicted: mk((r) => r.predictedCumulative),
		splitX: x(lastCal),
		splitPeriod: lastCal,
		xTicks: x.ticks(6).filter((t) => Number.isInteger(t)),
		yTicks: y.ticks(4)
	};
}
