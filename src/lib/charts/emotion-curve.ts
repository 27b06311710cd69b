// Emotion curve layout: d3 scales and a monotone curve over the step columns; Svelte renders the SVG from these numbers.
import { line, curveMonotoneX, scaleLinear } from 'd3';

export const EMOTION_MIN = -3;
export const EMOTION_MAX = 3;

export interface CurveInput {
	id: string;
	scores: Record<string, number>;
}

export interface CurvePoint {
	stepId: string;
	index: number;
	x: number;
	/** Null when the step is not scored: drawn as a hollow marker on the zero line. */
	score: number | null;
	y: number;
}

export interface CurveLayout {
	id: string;
	/** SVG path; segments break at unscored steps (gaps), so a missing score never looks like a zero. */
	path: string;
	points: CurvePoint[];
}

export interface EmotionLayout {
	width: number;
	height: number;
	zeroY: number;
	/** y of each whole score −3…+3 for the faint guide lines. */
	ticks: { score: number; y: number }[];
	curves: CurveLayout[];
	/** Inverse of the y scale, snapped to halves and clamped: what a drag to `y` means. */
	scoreAt: (y: number) => number;
	x: (index: number) => number;
	y: (score: number) => number;
}

export interface LayoutOptions {
	width: number;
	height: number;
	/** Vertical padding so labels above the top and below the bottom points fit. */
	padY?: number;
}

/** Column centres follow the grid: n equal columns across `width`. */
export function emotionLayout(stepIds: readonly string[], curves: readonly CurveInput[], opts: LayoutOptions): EmotionLayout {
	const { width, height } = opts;
	const padY = opts.padY ?? 22;
	const n = Math.max(1, stepIds.length);
	const col = width / n;
	const x = (i: number) => col * (i + 0.5);
	const yScale = scaleLinear()
		.domain([EMOTION_MIN, EMOTION_MAX])
		.range([height - padY, padY]);
	const y = (s: number) => yScale(s);
	const gen = line<CurvePoint>()
		.defined((p) => p.score !== null)
		.x((p) => p.x)
		.y((p) => p.y)
		.curve(curveMonotoneX);
	const layouts = curves.map((c) => {
		const points = stepIds.map((stepId, index) => {
			const score = c.scores[stepId] ?? null;
			return { stepId, index, x: x(index), score, y: y(score ?? 0) };
		});
		return { id: c.id, path: gen(points) ?? '', points };
	});
	const ticks = [-3, -2, -1, 0, 1, 2, 3].map((score) => ({ score, y: y(score) }));
	return {
		width,
		height,
		zeroY: y(0),
		ticks,
		curves: layouts,
		x,
		y,
		scoreAt: (py: number) => {
			const s = yScale.invert(py);
			// `|| 0` turns −0 into 0 so a drag to the zero line stores a plain zero.
			return Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(s * 2) / 2)) || 0;
		}
	};
}

/** A score as people write it: +2, −1.5, 0. */
export function signedScore(score: number): string {
	if (score === 0) return '0';
	return (score > 0 ? '+' : '−') + String(Math.abs(score));
}
