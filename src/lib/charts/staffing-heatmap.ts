// Pure layout for the day × interval staffing heatmap: cell geometry, colour ramp, hour ticks, peak and trough cells.
export interface HeatInput {
	days: number[];
	/** minutes from midnight of each column */
	slots: number[];
	/** scheduled staff per cell (null = no interval) */
	values: (number | null)[][];
}

export interface HeatLayout {
	width: number;
	height: number;
	rowHeader: number;
	colHeader: number;
	cellW: number;
	cellH: number;
	max: number;
	/** columns whose slot starts on a full hour, with the label spacing applied */
	hourTicks: { col: number; minutes: number }[];
	peak: { row: number; col: number } | null;
	trough: { row: number; col: number } | null;
	legend: number[];
}

export function heatLayout(h: HeatInput, o: { width: number; narrow: boolean }): HeatLayout {
	const rowHeader = o.narrow ? 70 : 104;
	const colHeader = 22;
	const cols = Math.max(1, h.slots.length);
	const cellW = Math.max(o.narrow ? 7 : 10, Math.floor((Math.max(0, o.width - rowHeader - 4) / cols) * 100) / 100);
	const cellH = h.days.length > 21 ? 16 : 22;
	let max = 0;
	let peak: HeatLayout['peak'] = null;
	let trough: HeatLayout['trough'] = null;
	let lo = Infinity;
	h.values.forEach((row, r) =>
		row.forEach((v, c) => {
			if (v === null) return;
			if (v > max) {
				max = v;
				peak = { row: r, col: c };
			}
			if (v > 0 && v < lo) {
				lo = v;
				trough = { row: r, col: c };
			}
		})
	);
	// label every hour when there is room, else every 2, 3, 4 or 6 hours
	const perHour = h.slots.length > 1 ? Math.max(1, Math.round(60 / Math.max(1, h.slots[1] - h.slots[0]))) : 1;
	const hourW = cellW * perHour;
	const every = [1, 2, 3, 4, 6].find((k) => k * hourW >= 34) ?? 6;
	const hourTicks = h.slots.map((m, col) => ({ col, minutes: m })).filter((s) => s.minutes % 60 === 0 && (s.minutes / 60) % every === 0);
	const steps = Math.min(5, Math.max(1, max));
	const legend = Array.from({ length: steps + 1 }, (_, i) => Math.round((max * i) / steps));
	return {
		width: rowHeader + cols * cellW + 2,
		height: colHeader + h.days.length * cellH + 2,
		rowHeader,
		colHeader,
		cellW,
		cellH,
		max,
		hourTicks,
		peak,
		trough,
		legend: [...new Set(legend)]
	};
}

/** Cell tint as an opacity of the brand colour (works in both themes without reading CSS). */
export const heatOpacity = (v: number, max: number): number => (max > 0 ? 0.06 + 0.9 * (v / max) : 0.06);

/** Dark cells get light text. */
export const heatDark = (v: number, max: number): boolean => max > 0 && v / max > 0.5;
