// Pure layout for the channel × stage heatmap: cell geometry, d3 colour intensity, label fitting.
import { scaleBand, scaleLinear } from 'd3';
import type { ChannelStageMatrix } from '$lib/domain/touchpoint';

export interface MatrixCellLayout {
	row: number;
	col: number;
	x: number;
	y: number;
	w: number;
	h: number;
	/** 0–100: share of the brand colour mixed into the surface colour. */
	intensity: number;
	/** Dark fill: draw the count in the contrast colour. */
	dark: boolean;
}

export interface MatrixLayout {
	width: number;
	height: number;
	rowHeader: number;
	colHeader: number;
	cells: MatrixCellLayout[][];
	colX: (i: number) => number;
	rowY: (i: number) => number;
	cellW: number;
	cellH: number;
	/** Legend swatches: count → intensity. */
	legend: { count: number; intensity: number }[];
}

export interface MatrixLayoutOptions {
	rowHeader?: number;
	colHeader?: number;
	minCellW?: number;
	cellH?: number;
	/** Space the chart may use; cells grow to fill it, but never below minCellW. */
	width?: number;
}

export function matrixLayout(m: ChannelStageMatrix, opts: MatrixLayoutOptions = {}): MatrixLayout {
	const rowHeader = opts.rowHeader ?? 168;
	const colHeader = opts.colHeader ?? 44;
	const cellH = opts.cellH ?? 52;
	const minCellW = opts.minCellW ?? 96;
	const cols = Math.max(1, m.stages.length);
	const cellW = Math.max(minCellW, Math.floor(((opts.width ?? 0) - rowHeader) / cols));
	const width = rowHeader + cols * cellW;
	const height = colHeader + m.channels.length * cellH;
	const x = scaleBand<number>()
		.domain(m.stages.map((_, i) => i))
		.range([rowHeader, width])
		.paddingInner(0.06);
	const y = scaleBand<number>()
		.domain(m.channels.map((_, i) => i))
		.range([colHeader, height])
		.paddingInner(0.08);
	// Zero stays the bare surface; one touchpoint is already clearly tinted.
	const tint = scaleLinear()
		.domain([0, 1, Math.max(1, m.max)])
		.range([0, 22, 88])
		.clamp(true);
	const cells = m.cells.map((r, ri) =>
		r.map((c, ci) => {
			const intensity = Math.round(tint(c.count));
			return { row: ri, col: ci, x: x(ci) ?? 0, y: y(ri) ?? 0, w: x.bandwidth(), h: y.bandwidth(), intensity, dark: intensity >= 55 };
		})
	);
	const steps = Math.min(5, Math.max(1, m.max));
	const legend = Array.from({ length: steps + 1 }, (_, i) => Math.round((i * Math.max(1, m.max)) / steps)).map((count) => ({
		count,
		intensity: Math.round(tint(count))
	}));
	return {
		width,
		height,
		rowHeader,
		colHeader,
		cells,
		colX: (i) => x(i) ?? 0,
		rowY: (i) => y(i) ?? 0,
		cellW: x.bandwidth(),
		cellH: y.bandwidth(),
		legend: legend.filter((l, i, a) => a.findIndex((o) => o.count === l.count) === i)
	};
}

/** Rough text width: CJK characters are about one em, Latin about 0.58 em. */
export function textWidth(text: string, size: number): number {
	let w = 0;
	for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58;
	return w;
}

/** Cuts a label to fit a width, adding an ellipsis; the full text goes in a <title>. */
export function fitLabel(text: string, maxWidth: number, size: number): string {
	if (textWidth(text, size) <= maxWidth) return text;
	let out = '';
	for (const ch of text) {
		if (textWidth(out + ch + '…', size) > maxWidth) break;
		out += ch;
	}
	return out + '…';
}
