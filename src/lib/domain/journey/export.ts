// Text exports of a map: CSV of all cards (Excel-safe) and Mermaid `journey` diagram text.
import Papa from 'papaparse';
import type { Locale } from '../record';
import type { Journey } from './journey.schema';
import { LANE_LABELS } from './lanes';
import type { JourneyState } from './state';

/** Leading characters spreadsheet apps treat as a formula; papaparse's default misses a leading `\n`. */
export const FORMULA_CHARS = /^[=+\-@\t\r\n\0]/;

const CSV_HEADERS: Record<Locale, string[]> = {
	en: ['phase', 'stage', 'step', 'lane', 'text', 'type', 'evidence', 'votes', 'colour'],
	'zh-CN': ['阶段组', '阶段', '步骤', '泳道', '内容', '类型', '证据级别', '票数', '颜色']
};
const NEED_LABEL: Record<Locale, Record<string, string>> = {
	en: { explicit: 'explicit need', expected: 'expected need', implicit: 'implicit need' },
	'zh-CN': { explicit: '显性需求', expected: '期望需求', implicit: '隐性需求' }
};
const EVIDENCE_LABEL: Record<Locale, Record<string, string>> = {
	en: { assumption: 'assumption', observed: 'observed', measured: 'measured' },
	'zh-CN': { assumption: '假设', observed: '观察', measured: '测量' }
};

/** Cards in map order (stage, step, lane, position), one row each; UTF-8 BOM so Excel reads Chinese. */
export function journeyCardsCsv(s: JourneyState, locale: Locale = 'en'): string {
	const j = s.journey;
	const phase = new Map(j.phases.map((p) => [p.id, p.name]));
	const laneIdx = new Map(j.lanes.map((l, i) => [l.id, i]));
	const col = new Map<string, { i: number; stage: string; step: string; phase: string }>();
	let i = 0;
	for (const st of j.stages)
		for (const x of st.steps)
			col.set(x.id, { i: i++, stage: st.name, step: x.name, phase: st.phaseId ? (phase.get(st.phaseId) ?? '') : '' });
	const rows = s.cards
		.filter((c) => col.has(c.stepId) && laneIdx.has(c.laneId))
		.sort((a, b) => col.get(a.stepId)!.i - col.get(b.stepId)!.i || laneIdx.get(a.laneId)! - laneIdx.get(b.laneId)! || a.order - b.order)
		.map((c) => {
			const lane = j.lanes[laneIdx.get(c.laneId)!];
			const at = col.get(c.stepId)!;
			return [
				at.phase,
				at.stage,
				at.step,
				lane.name ?? LANE_LABELS[lane.type][locale],
				c.text,
				c.needType ? NEED_LABEL[locale][c.needType] : '',
				EVIDENCE_LABEL[locale][c.evidence],
				String(c.votes),
				c.colour ?? ''
			];
		});
	return '\uFEFF' + Papa.unparse({ fields: CSV_HEADERS[locale], data: rows }, { escapeFormulae: FORMULA_CHARS, newline: '\r\n' });
}

/** Mermaid cannot escape inside a journey: its lexer stops names at `#`, `:`, `;` and newlines. Use full-width look-alikes. */
export function mermaidText(s: string): string {
	return s
		.replace(/\r?\n|\r/g, ' ')
		.replace(/:/g, '：')
		.replace(/;/g, '；')
		.replace(/#/g, '＃')
		.replace(/%%/g, '％％')
		.trim();
}

/** −3..+3 → Mermaid's 1..5 (0 ↦ 3), rounded because Mermaid shows whole faces. */
export function mermaidScore(score: number): number {
	return Math.max(1, Math.min(5, Math.round(3 + (score * 2) / 3)));
}

/**
 * Mermaid `journey` text: sections = stages, tasks = steps. Each task's score is the mean over the
 * curves that scored it (3 = neutral when none did); actors are the curves' personas.
 */
export function journeyMermaid(j: Journey, fallbackTitle = 'Journey'): string {
	const actors = j.emotionCurves.map((c) => mermaidText(c.label).replace(/,/g, '，')).filter(Boolean);
	const lines = ['journey', `  title ${mermaidText(j.title) || fallbackTitle}`];
	for (const st of j.stages) {
		lines.push(`  section ${mermaidText(st.name) || '-'}`);
		for (const x of st.steps) {
			const scored = j.emotionCurves.map((c) => c.scores[x.id]).filter((n): n is number => n !== undefined);
			const mean = scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : 0;
			const who = actors.length ? `: ${actors.join(', ')}` : '';
			lines.push(`    ${mermaidText(x.name) || '-'}: ${mermaidScore(mean)}${who}`);
		}
	}
	return lines.join('\n') + '\n';
}
