// Splits a wide map into printed sheets: whole stages per sheet while they fit, an over-wide stage split by steps.
import type { Journey, Stage, Step } from '$lib/domain/journey';

export type Paper = 'a3' | 'a4';

/** Printable width in CSS px (96 dpi) of a landscape sheet with 10 mm margins: A3 400 mm, A4 277 mm. */
export const PAPER_WIDTH_PX: Record<Paper, number> = { a3: 1510, a4: 1045 };
export const LANE_COL_PX = 132;
/** Narrowest step column that still holds readable cards at 9–10 pt. */
export const MIN_STEP_PX = 150;

export function maxStepsPerSheet(paper: Paper): number {
	return Math.max(1, Math.floor((PAPER_WIDTH_PX[paper] - LANE_COL_PX) / MIN_STEP_PX));
}

export interface SheetStage {
	stage: Stage;
	steps: Step[];
	/** This stage started on an earlier sheet. */
	continued: boolean;
}
export interface Sheet {
	stages: SheetStage[];
	steps: Step[];
}

export function paginate(j: Pick<Journey, 'stages'>, maxSteps: number): Sheet[] {
	const max = Math.max(1, Math.floor(maxSteps));
	const sheets: Sheet[] = [];
	let cur: SheetStage[] = [];
	let used = 0;
	const flush = () => {
		if (cur.length) sheets.push({ stages: cur, steps: cur.flatMap((s) => s.steps) });
		cur = [];
		used = 0;
	};
	for (const stage of j.stages) {
		const n = stage.steps.length;
		if (n > max) {
			flush();
			for (let i = 0; i < n; i += max) {
				cur = [{ stage, steps: stage.steps.slice(i, i + max), continued: i > 0 }];
				used = cur[0].steps.length;
				if (i + max < n) flush();
			}
			continue;
		}
		if (used + n > max) flush();
		cur.push({ stage, steps: stage.steps, continued: false });
		used += n;
	}
	flush();
	return sheets;
}
