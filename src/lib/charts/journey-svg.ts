// A whole journey map as one standalone SVG document string (export, PNG, print): pure, no DOM, every user text escaped.
import { line, curveMonotoneX, scaleLinear } from 'd3';
import {
	blueprintLines,
	cellCards,
	columns,
	emotionExtremes,
	type BlueprintLineKind,
	type Card,
	type EvidenceLevel,
	type Journey,
	type JourneyState,
	type Lane,
	type LaneType,
	type NeedType
} from '$lib/domain/journey';

/** Translated words the drawing needs; the caller builds them with `$t` so this module stays i18n-free. */
export interface JourneySvgLabels {
	lane: (lane: Lane) => string;
	line: Record<BlueprintLineKind, string>;
	evidence: Record<EvidenceLevel, string>;
	needType: Record<NeedType, string>;
	/** e.g. "3 votes" */
	votes: (n: number) => string;
	legend: string;
	/** Composed second line of the title block: kind · status · persona · scenario … */
	subtitle: string;
	/** Already formatted (e.g. the export date). */
	date: string;
	untitled: string;
	/** "Emotion curve: {persona}" style label for the legend; receives the curve label. */
	curve: (label: string) => string;
}

export interface JourneySvgOptions {
	labels: JourneySvgLabels;
	/** Only these stages (print pages, workshop reveal); all stages when absent. */
	stageIds?: readonly string[];
	/** Column width in px; cards wrap inside it. */
	columnWidth?: number;
}

export interface JourneySvg {
	svg: string;
	width: number;
	height: number;
}

// ── text helpers ─────────────────────────────────────────────────────────────

/** XML-escapes text and drops characters XML 1.0 forbids (a stray NUL would make the whole file unreadable). */
export function esc(s: string): string {
	return s
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud83c-\ud83e][\udc00-\udfff]/;

/** Width estimate without a DOM: CJK and emoji take a full em, Latin about half. Errs wide so text never overflows. */
export function charWidth(ch: string, size: number): number {
	if (WIDE.test(ch)) return size;
	if (ch === ' ') return size * 0.3;
	if (/[il.,:;'|!`]/.test(ch)) return size * 0.3;
	if (/[A-Z@#%&mwMW]/.test(ch)) return size * 0.72;
	return size * 0.56;
}

export function textWidth(s: string, size: number): number {
	let w = 0;
	for (const ch of s) w += charWidth(ch, size);
	return w;
}

/** Wraps text to lines no wider than `max`: breaks at spaces, between CJK characters, and inside over-long words. */
export function wrapText(text: string, max: number, size: number): string[] {
	const out: string[] = [];
	for (const para of text.split(/\r?\n|\r/)) {
		// Tokens: a run of non-space non-CJK characters, a single CJK character, or a space run.
		const tokens =
			para.match(
				/\s+|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g
			) ?? [];
		let cur = '';
		let w = 0;
		const push = () => {
			out.push(cur.trimEnd());
			cur = '';
			w = 0;
		};
		for (const tok of tokens) {
			const tw = textWidth(tok, size);
			if (/^\s+$/.test(tok)) {
				if (cur) {
					cur += ' ';
					w += charWidth(' ', size);
				}
				continue;
			}
			if (w + tw <= max) {
				cur += tok;
				w += tw;
				continue;
			}
			if (cur.trim()) push();
			if (tw <= max) {
				cur = tok;
				w = tw;
				continue;
			}
			// A word longer than the line: break it by characters.
			for (const ch of tok) {
				const cw = charWidth(ch, size);
				if (w + cw > max && cur) push();
				cur += ch;
				w += cw;
			}
		}
		if (cur.trim() || out.length === 0 || para === '') push();
	}
	while (out.length > 1 && out[out.length - 1] === '') out.pop();
	return out;
}

// ── colours ────────────────────────────────────────────────────────────────

/** Named card colours the editor may store; hex values are accepted as they are, anything else falls back to the lane's. */
export const CARD_COLOURS: Record<string, string> = {
	yellow: '#fff3bf',
	amber: '#ffe8b3',
	orange: '#fde3cc',
	red: '#fddcdc',
	pink: '#fbdcec',
	purple: '#ebe2fb',
	blue: '#dbe9fb',
	teal: '#d3f0ed',
	green: '#daf2e1',
	grey: '#e9edf2',
	gray: '#e9edf2',
	white: '#ffffff'
};

export const LANE_COLOURS: Record<LaneType, { fill: string; accent: string }> = {
	actions: { fill: '#e8f0fb', accent: '#2d6aa3' },
	touchpoints: { fill: '#e2f3f1', accent: '#1f7a70' },
	thoughts: { fill: '#efe9fb', accent: '#6a4fb3' },
	emotion: { fill: '#ffffff', accent: '#c0622e' },
	needs: { fill: '#e4f4e9', accent: '#1d7a46' },
	painPoints: { fill: '#fde7e6', accent: '#b42318' },
	opportunities: { fill: '#fff2d2', accent: '#8a5a00' },
	owner: { fill: '#eef1f5', accent: '#4a5868' },
	kpis: { fill: '#eef1f5', accent: '#4a5868' },
	evidence: { fill: '#f4eee6', accent: '#7a5a36' },
	frontstage: { fill: '#e6eefa', accent: '#1f4e79' },
	backstage: { fill: '#eceff4', accent: '#3d4e63' },
	support: { fill: '#f0f0f0', accent: '#5f6c7b' },
	custom: { fill: '#f3f5f8', accent: '#5f6c7b' }
};

export const EVIDENCE_COLOURS: Record<EvidenceLevel, string> = {
	assumption: '#b5c0cd',
	observed: '#2d6aa3',
	measured: '#1d7a46'
};

export const CURVE_COLOURS = ['#c0622e', '#2d6aa3', '#6a4fb3', '#1d7a46', '#b42318'];

export function cardFill(card: Pick<Card, 'colour'>, laneType: LaneType): string {
	const c = card.colour?.trim() ?? '';
	if (/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?([0-9a-fA-F]{2})?$/.test(c)) return c;
	return CARD_COLOURS[c.toLowerCase()] ?? LANE_COLOURS[laneType].fill;
}

// ── layout ────────────────────────────────────────────────────────────────

const PAD = 24;
const LANE_W = 176;
const COL_W = 208;
const CELL_PAD = 8;
const CARD_GAP = 6;
const CARD_PAD = 8;
const CARD_FONT = 12.5;
const CARD_LINE = 17;
const CARD_FOOT = 18;
const EMOTION_H = 176;
const LINE_BAND = 20;
const FONT =
	"system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";

const fix = (n: number) => Math.round(n * 100) / 100;

interface CardBox {
	card: Card;
	lines: string[];
	h: number;
}

function layoutCard(card: Card, width: number): CardBox {
	const lines = wrapText(card.text || ' ', width - 2 * CARD_PAD, CARD_FONT);
	return { card, lines, h: CARD_PAD + lines.length * CARD_LINE + CARD_FOOT + 4 };
}

/**
 * Renders the map: title block, phase / stage / step headers, visible lanes with wrapped cards, the emotion
 * curve(s) drawn with d3's monotone line, blueprint lines, and a legend. Deterministic for a given input.
 */
export function journeySvg(state: JourneyState, opts: JourneySvgOptions): JourneySvg {
	const { labels } = opts;
	const j = state.journey;
	const colW = opts.columnWidth ?? COL_W;
	const only = opts.stageIds ? new Set(opts.stageIds) : null;
	const cols = columns(j).filter((c) => !only || only.has(c.stage.id));
	const lanes = j.lanes.filter((l) => !l.hidden);
	const lines = blueprintLines(lanes);
	const linesBefore = new Map<string, BlueprintLineKind[]>();
	for (const l of lines) linesBefore.set(l.beforeLaneId, [...(linesBefore.get(l.beforeLaneId) ?? []), l.kind]);

	const gridW = cols.length * colW;
	const width = Math.max(PAD * 2 + LANE_W + gridW, 760);
	const innerW = width - PAD * 2;
	const out: string[] = [];
	let y = PAD;

	// Title block.
	const title = j.title.trim() || labels.untitled;
	const titleLines = wrapText(title, innerW - 200, 24).slice(0, 2);
	titleLines.forEach((t, i) => out.push(text(PAD, y + 24 + i * 30, t, { size: 24, weight: 700, fill: '#17212f' })));
	out.push(text(width - PAD, y + 22, labels.date, { size: 12, fill: '#5f6c7b', anchor: 'end' }));
	y += 24 + (titleLines.length - 1) * 30 + 10;
	const sub = wrapText(labels.subtitle, innerW, 13).slice(0, 3);
	sub.forEach((t, i) => out.push(text(PAD, y + 14 + i * 18, t, { size: 13, fill: '#4a5868' })));
	y += sub.length * 18 + 18;

	const x0 = PAD + LANE_W;
	const colX = (i: number) => x0 + i * colW;

	// Phase row (only when a shown stage is grouped).
	const phaseName = new Map(j.phases.map((p) => [p.id, p.name]));
	const hasPhases = cols.some((c) => c.stage.phaseId && phaseName.has(c.stage.phaseId));
	if (hasPhases) {
		let i = 0;
		while (i < cols.length) {
			const pid = cols[i].stage.phaseId;
			let k = i;
			while (k + 1 < cols.length && cols[k + 1].stage.phaseId === pid) k++;
			const name = pid ? phaseName.get(pid) : undefined;
			if (name !== undefined) {
				out.push(rect(colX(i) + 2, y, (k - i + 1) * colW - 4, 24, { fill: '#1f4e79', rx: 4 }));
				out.push(text(colX(i) + 10, y + 16.5, clip(name, (k - i + 1) * colW - 20, 12), { size: 12, weight: 600, fill: '#ffffff' }));
			}
			i = k + 1;
		}
		y += 30;
	}

	// Stage row: one band per stage spanning its steps.
	const stageTop = y;
	{
		let i = 0;
		let band = 0;
		while (i < cols.length) {
			let k = i;
			while (k + 1 < cols.length && cols[k + 1].stage.id === cols[i].stage.id) k++;
			const w = (k - i + 1) * colW;
			out.push(rect(colX(i) + 2, y, w - 4, 34, { fill: band % 2 ? '#d9e6f3' : '#e4eef8', rx: 4 }));
			out.push(text(colX(i) + 10, y + 22, clip(cols[i].stage.name, w - 20, 14.5), { size: 14.5, weight: 700, fill: '#17212f' }));
			band++;
			i = k + 1;
		}
		y += 38;
	}
	// Step row: wrapped to at most two lines.
	const stepLines = cols.map((c) => wrapText(c.step.name, colW - 20, 12.5).slice(0, 2));
	const stepH = Math.max(1, ...stepLines.map((l) => l.length)) * 16 + 12;
	cols.forEach((_, i) => {
		out.push(rect(colX(i) + 2, y, colW - 4, stepH, { fill: '#f0f3f7', rx: 4 }));
		stepLines[i].forEach((t, k) => out.push(text(colX(i) + 10, y + 18 + k * 16, t, { size: 12.5, weight: 600, fill: '#4a5868' })));
	});
	y += stepH + 6;
	const gridTop = y;

	// Lanes.
	const curves = j.emotionCurves;
	for (const lane of lanes) {
		const kinds = linesBefore.get(lane.id) ?? [];
		for (const kind of kinds) {
			out.push(
				`<line x1="${PAD}" y1="${fix(y + LINE_BAND / 2)}" x2="${width - PAD}" y2="${fix(y + LINE_BAND / 2)}" stroke="#1f4e79" stroke-width="1.5" stroke-dasharray="8 5"/>`
			);
			const label = labels.line[kind];
			out.push(rect(PAD + 4, y + 2, textWidth(label, 11) + 12, LINE_BAND - 4, { fill: '#ffffff' }));
			out.push(text(PAD + 10, y + 14, label, { size: 11, weight: 600, fill: '#1f4e79' }));
			y += LINE_BAND;
		}
		const colour = LANE_COLOURS[lane.type];
		const laneName = labels.lane(lane);
		let h: number;
		if (lane.type === 'emotion') {
			h = EMOTION_H;
			out.push(`<g data-lane="emotion">`);
			out.push(rect(PAD, y, width - PAD * 2, h, { fill: '#fbfcfd', stroke: '#e6ebf1' }));
			out.push(...emotion(j, cols, curves, x0, colW, y, h, labels));
			out.push(`</g>`);
		} else {
			const boxes = cols.map((c) => cellCards(state.cards, lane.id, c.step.id).map((card) => layoutCard(card, colW - 2 * CELL_PAD)));
			const tallest = Math.max(0, ...boxes.map((b) => b.reduce((s, x) => s + x.h + CARD_GAP, 0)));
			h = Math.max(56, tallest + 2 * CELL_PAD - CARD_GAP);
			out.push(rect(PAD, y, width - PAD * 2, h, { fill: '#ffffff', stroke: '#e6ebf1' }));
			boxes.forEach((cell, i) => {
				let cy = y + CELL_PAD;
				for (const b of cell) {
					out.push(cardSvg(b, colX(i) + CELL_PAD, cy, colW - 2 * CELL_PAD, lane.type, labels));
					cy += b.h + CARD_GAP;
				}
			});
		}
		// Lane label column.
		out.push(rect(PAD, y, 4, h, { fill: colour.accent }));
		const nameLines = wrapText(laneName, LANE_W - 28, 13).slice(0, 3);
		nameLines.forEach((t, k) => out.push(text(PAD + 14, y + 22 + k * 17, t, { size: 13, weight: 700, fill: '#17212f' })));
		y += h + 4;
	}
	// Column separators over the whole grid.
	for (let i = 1; i < cols.length; i++) {
		const sep = cols[i].stage.id !== cols[i - 1].stage.id;
		out.push(
			`<line x1="${colX(i)}" y1="${stageTop}" x2="${colX(i)}" y2="${fix(y - 4)}" stroke="${sep ? '#b5c0cd' : '#e6ebf1'}" stroke-width="1"${sep ? '' : ' stroke-dasharray="3 3"'}/>`
		);
	}
	void gridTop;

	// Legend.
	y += 14;
	out.push(text(PAD, y + 13, labels.legend, { size: 12, weight: 700, fill: '#17212f' }));
	const legendX = PAD + textWidth(labels.legend, 12) + 18;
	let lx = legendX;
	const legendItem = (mark: (x: number, y: number) => string, label: string) => {
		if (lx + 14 + textWidth(label, 12) > width - PAD && lx > legendX) {
			lx = legendX;
			y += 22;
		}
		out.push(mark(fix(lx + 4), fix(y + 9)));
		out.push(text(lx + 14, y + 13, label, { size: 12, fill: '#4a5868' }));
		lx += 14 + textWidth(label, 12) + 18;
	};
	for (const lvl of ['assumption', 'observed', 'measured'] as const)
		legendItem((x, yy) => `<circle cx="${x}" cy="${yy}" r="4.5" fill="${EVIDENCE_COLOURS[lvl]}"/>`, labels.evidence[lvl]);
	curves.forEach((c, i) =>
		legendItem(
			(x, yy) => `<rect x="${x - 5}" y="${yy - 1.5}" width="12" height="3" rx="1.5" fill="${CURVE_COLOURS[i % CURVE_COLOURS.length]}"/>`,
			labels.curve(c.label)
		)
	);
	y += 30;

	const height = Math.ceil(y + PAD / 2);
	const svg =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" role="img" aria-label="${esc(title)}">` +
		`<title>${esc(title)}</title>` +
		rect(0, 0, width, height, { fill: '#ffffff' }) +
		out.join('') +
		`</svg>\n`;
	return { svg, width, height };
}

function emotion(
	j: Journey,
	cols: ReturnType<typeof columns>,
	curves: Journey['emotionCurves'],
	x0: number,
	colW: number,
	top: number,
	h: number,
	labels: JourneySvgLabels
): string[] {
	const out: string[] = [];
	const yScale = scaleLinear()
		.domain([-3, 3])
		.range([top + h - 22, top + 22]);
	for (const v of [-3, 0, 3]) {
		const yy = fix(yScale(v));
		out.push(
			`<line x1="${x0}" y1="${yy}" x2="${x0 + cols.length * colW}" y2="${yy}" stroke="${v === 0 ? '#b5c0cd' : '#e6ebf1'}" stroke-width="1"${v === 0 ? '' : ' stroke-dasharray="2 4"'}/>`
		);
		out.push(text(x0 - 8, yScale(v) + 4, v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0', { size: 11, fill: '#5f6c7b', anchor: 'end' }));
	}
	const path = line<{ x: number; y: number }>()
		.x((d) => d.x)
		.y((d) => d.y)
		.curve(curveMonotoneX);
	curves.forEach((curve, ci) => {
		const colour = CURVE_COLOURS[ci % CURVE_COLOURS.length];
		const pts = cols
			.map((c, i) => ({ id: c.step.id, score: curve.scores[c.step.id], x: x0 + i * colW + colW / 2 }))
			.filter((p): p is { id: string; score: number; x: number } => p.score !== undefined)
			.map((p) => ({ ...p, y: yScale(p.score) }));
		if (pts.length > 1) out.push(`<path d="${path(pts) ?? ''}" fill="none" stroke="${colour}" stroke-width="3" stroke-linecap="round"/>`);
		const ext = emotionExtremes(j, curve);
		for (const p of pts) {
			out.push(`<circle cx="${fix(p.x)}" cy="${fix(p.y)}" r="5.5" fill="#ffffff" stroke="${colour}" stroke-width="2.5"/>`);
			const high = ext.highs.includes(p.id);
			const low = ext.lows.includes(p.id);
			const score = p.score > 0 ? `+${p.score}` : p.score < 0 ? `−${-p.score}` : '0';
			if (high || low)
				out.push(
					text(p.x, high ? p.y - 11 : p.y + 20, `${high ? '▲' : '▼'} ${score}`, { size: 11.5, weight: 700, fill: colour, anchor: 'middle' })
				);
		}
	});
	void labels;
	return out;
}

function cardSvg(b: CardBox, x: number, y: number, w: number, laneType: LaneType, labels: JourneySvgLabels): string {
	const c = b.card;
	const parts: string[] = [`<g data-card-id="${esc(c.id)}">`];
	parts.push(rect(x, y, w, b.h, { fill: cardFill(c, laneType), stroke: 'rgba(16,24,40,0.14)', rx: 5 }));
	const tx = `<text x="${fix(x + CARD_PAD)}" y="${fix(y + CARD_PAD + 12)}" font-size="${CARD_FONT}" fill="#17212f">`;
	parts.push(
		tx +
			b.lines.map((l, i) => `<tspan x="${fix(x + CARD_PAD)}"${i ? ` dy="${CARD_LINE}"` : ''}>${esc(l) || ' '}</tspan>`).join('') +
			`</text>`
	);
	const fy = y + b.h - 8;
	parts.push(`<circle cx="${fix(x + CARD_PAD + 3.5)}" cy="${fix(fy - 3.5)}" r="3.5" fill="${EVIDENCE_COLOURS[c.evidence]}"/>`);
	let fx = x + CARD_PAD + 12;
	if (c.needType) {
		const label = labels.needType[c.needType];
		parts.push(text(fx, fy, label, { size: 10.5, fill: '#1d7a46', weight: 600 }));
		fx += textWidth(label, 10.5) + 8;
	}
	if (c.votes > 0) {
		const label = `● ${labels.votes(c.votes)}`;
		parts.push(text(x + w - CARD_PAD, fy, label, { size: 10.5, fill: '#c0622e', weight: 700, anchor: 'end' }));
	}
	void fx;
	parts.push('</g>');
	return parts.join('');
}

function clip(s: string, max: number, size: number): string {
	if (textWidth(s, size) <= max) return s;
	let out = '';
	let w = textWidth('…', size);
	for (const ch of s) {
		w += charWidth(ch, size);
		if (w > max) break;
		out += ch;
	}
	return out + '…';
}

function rect(x: number, y: number, w: number, h: number, a: { fill: string; stroke?: string; rx?: number }): string {
	return `<rect x="${fix(x)}" y="${fix(y)}" width="${fix(Math.max(0, w))}" height="${fix(Math.max(0, h))}" fill="${a.fill}"${a.stroke ? ` stroke="${a.stroke}"` : ''}${a.rx ? ` rx="${a.rx}"` : ''}/>`;
}

function text(
	x: number,
	y: number,
	s: string,
	a: { size: number; fill: string; weight?: number; anchor?: 'start' | 'middle' | 'end' }
): string {
	return `<text x="${fix(x)}" y="${fix(y)}" font-size="${a.size}" fill="${a.fill}"${a.weight ? ` font-weight="${a.weight}"` : ''}${a.anchor && a.anchor !== 'start' ? ` text-anchor="${a.anchor}"` : ''}>${esc(s)}</text>`;
}
