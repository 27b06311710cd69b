// The A6 card as a standalone SVG string (every user text escaped, wrapped with a measuring function) and its PNG at 2× via canvas.
import type { Avatar } from '$lib/domain/persona';
import type { CardModel } from './card-model';

export const CARD_W = 420;
export const CARD_H = 592;
const PAD = 22;
const FONT = `Inter, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif`;

export type Measure = (text: string, px: number, weight: number) => number;

/** XML-escape text and drop characters XML 1.0 forbids (they would make the whole SVG unreadable). */
export function esc(s: string): string {
	return s
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const TOKEN = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g;

/** Greedy line breaking: words for Latin text, characters for CJK; long words break by character; at most `maxLines` (last gets "…"). */
export function wrap(text: string, width: number, px: number, weight: number, measure: Measure, maxLines = Infinity): string[] {
	const lines: string[] = [];
	let cur = '';
	const push = () => {
		lines.push(cur.trimEnd());
		cur = '';
	};
	for (const tok of text.replace(/\s*\n\s*/g, ' ').match(TOKEN) ?? []) {
		if (/^\s+$/.test(tok)) {
			if (cur) cur += ' ';
			continue;
		}
		if (measure(cur + tok, px, weight) <= width) {
			cur += tok;
			continue;
		}
		if (cur.trim()) push();
		if (measure(tok, px, weight) <= width) cur = tok;
		else
			for (const ch of tok) {
				if (measure(cur + ch, px, weight) > width && cur) push();
				cur += ch;
			}
	}
	if (cur.trim()) push();
	if (lines.length > maxLines) {
		const kept = lines.slice(0, maxLines);
		let last = kept[maxLines - 1];
		while (last && measure(last + '…', px, weight) > width) last = last.slice(0, -1);
		kept[maxLines - 1] = last + '…';
		return kept;
	}
	return lines;
}

const TIER_COLOURS: Record<string, { band: string; ink: string }> = {
	A: { band: '#fbf4e4', ink: '#8a5a00' },
	B: { band: '#eef3f9', ink: '#1f4e79' },
	C: { band: '#eaf5ee', ink: '#1d7a46' },
	D: { band: '#f0f2f5', ink: '#55606e' },
	'': { band: '#eef3f9', ink: '#1f4e79' }
};
const NEED_COLOURS = { explicit: ['#f2f5f9', '#1f4e79'], expected: ['#eef6f1', '#2e7d5b'], implicit: ['#f6eef6', '#8a3b8a'] } as const;

function avatarSvg(avatar: Avatar, photo: string | null, x: number, y: number, size: number): string {
	const clip = `<clipPath id="av"><circle cx="${x + size / 2}" cy="${y + size / 2}" r="${size / 2}"/></clipPath>`;
	if (photo && /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/.test(photo)) {
		return `<defs>${clip}</defs><image href="${photo}" x="${x}" y="${y}" width="${size}" height="${size}" preserveAspectRatio="xMidYMid slice" clip-path="url(#av)"/>`;
	}
	const s = size / 64;
	const shapes = avatar.shapes
		.map((sh) => {
			switch (sh.kind) {
				case 'circle':
					return `<circle cx="${sh.cx}" cy="${sh.cy}" r="${sh.r}" fill="${esc(sh.fill)}"/>`;
				case 'ellipse':
					return `<ellipse cx="${sh.cx}" cy="${sh.cy}" rx="${sh.rx}" ry="${sh.ry}" fill="${esc(sh.fill)}"/>`;
				case 'rect':
					return `<rect x="${sh.x}" y="${sh.y}" width="${sh.width}" height="${sh.height}" rx="${sh.rx}" fill="${esc(sh.fill)}"/>`;
				case 'path':
					return `<path d="${esc(sh.d)}" fill="${esc(sh.fill)}"${sh.stroke ? ` stroke="${esc(sh.stroke)}" stroke-width="${sh.strokeWidth ?? 1}" stroke-linecap="round"` : ''}/>`;
			}
		})
		.join('');
	return `<defs>${clip}</defs><g clip-path="url(#av)"><g transform="translate(${x} ${y}) scale(${s})"><rect width="64" height="64" fill="${esc(avatar.background)}"/>${shapes}</g></g>`;
}

/** "Values: …" / "价值观：…": a Chinese label takes the full-width colon. */
const labelled = (label: string, text: string) => (/[\u2e80-\u9fff]$/.test(label) ? `${label}：${text}` : `${label}: ${text}`);

/** The card as SVG markup; `measure` decides line breaks (canvas measureText in the browser). */
export function cardSvg(
	m: CardModel,
	avatar: Avatar,
	photo: string | null,
	headings: { behaviour: string; psychology: string; value: string; needs: string },
	measure: Measure
): string {
	const c = TIER_COLOURS[m.tier ?? ''] ?? TIER_COLOURS[''];
	const out: string[] = [];
	const text = (x: number, y: number, s: string, px: number, fill: string, extra = '') =>
		out.push(`<text x="${x}" y="${y}" font-size="${px}" fill="${fill}"${extra}>${esc(s)}</text>`);
	const W = CARD_W - PAD * 2;

	// Header band with avatar, name, subtitle and tier.
	const av = 78;
	out.push(`<rect width="${CARD_W}" height="${CARD_H}" fill="#ffffff"/>`);
	out.push(`<rect width="${CARD_W}" height="${PAD + av + 16}" fill="${c.band}"/>`);
	out.push(`<rect y="${PAD + av + 14}" width="${CARD_W}" height="2" fill="${c.ink}"/>`);
	out.push(avatarSvg(avatar, photo, PAD, PAD - 4, av));
	const nx = PAD + av + 14;
	const nw = CARD_W - nx - PAD;
	const nameLines = wrap(m.name, nw, 22, 750, measure, 2);
	let y = PAD + (nameLines.length > 1 ? 16 : 26);
	for (const l of nameLines) {
		text(nx, y, l, 22, '#17212f', ' font-weight="750"');
		y += 26;
	}
	if (m.subtitle) {
		for (const l of wrap(m.subtitle, nw, 11.5, 400, measure, 1)) text(nx, y - 6, l, 11.5, '#4a5868');
		y += 14;
	}
	if (m.tier) {
		const tw = measure(m.tierLabel, 11, 700) + 18;
		out.push(`<rect x="${nx}" y="${y - 12}" width="${tw}" height="18" rx="9" fill="${c.ink}"/>`);
		text(nx + 9, y + 1, m.tierLabel, 11, '#ffffff', ' font-weight="700"');
	}
	y = PAD + av + 16 + 24;

	if (m.quote) {
		const q = wrap(`“${m.quote}”`, W - 12, 13, 400, measure, 2);
		out.push(`<rect x="${PAD}" y="${y - 14}" width="3" height="${q.length * 18}" fill="${c.ink}"/>`);
		for (const l of q) {
			text(PAD + 12, y, l, 13, '#17212f', ' font-style="italic"');
			y += 18;
		}
		y += 6;
	}

	// Bottom blocks are laid out from the bottom up so the two columns get whatever space is left.
	let bottom = CARD_H - PAD + 4;
	const tail: string[] = [];
	if (m.tags.length) {
		const tagLine = wrap(m.tags.map((t) => `#${t}`).join('  ·  '), W, 10, 400, measure, 1)[0] ?? '';
		tail.push(`<text x="${PAD}" y="${bottom}" font-size="10" fill="#5f6c7b">${esc(tagLine)}</text>`);
		tail.push(`<rect x="${PAD}" y="${bottom - 16}" width="${W}" height="0.75" fill="#c9d2dd"/>`);
		bottom -= 24;
	}
	if (m.custom.length) {
		const line = wrap(m.custom.map((l) => labelled(l.label, l.text)).join('  ·  '), W, 10, 400, measure, 1)[0] ?? '';
		tail.push(`<text x="${PAD}" y="${bottom}" font-size="10" fill="#4a5868">${esc(line)}</text>`);
		bottom -= 18;
	}
	const needs = m.needs.filter((n) => n.items.length);
	if (needs.length) {
		const colW = (W - 8 * (needs.length - 1)) / needs.length;
		const boxes = needs.map((n) => n.items.flatMap((it) => wrap(`• ${it}`, colW - 12, 10, 400, measure, 2)).slice(0, 4));
		const h = 26 + Math.max(...boxes.map((b) => b.length)) * 13;
		const top = bottom - h;
		needs.forEach((n, i) => {
			const x = PAD + i * (colW + 8);
			const [bg, ink] = NEED_COLOURS[n.type];
			tail.push(
				`<rect x="${x}" y="${top}" width="${colW}" height="${h}" rx="4" fill="${bg}"/><rect x="${x}" y="${top}" width="${colW}" height="2.5" fill="${ink}"/>`
			);
			tail.push(`<text x="${x + 6}" y="${top + 16}" font-size="10" font-weight="750" fill="#4a5868">${esc(n.label)}</text>`);
			boxes[i].forEach((l, j) => tail.push(`<text x="${x + 6}" y="${top + 30 + j * 13}" font-size="10" fill="#17212f">${esc(l)}</text>`));
		});
		bottom = top - 12;
	}
	if (m.value.length || m.citation) {
		const lines = m.value.slice(0, 3).map((l) => wrap(`${l.label}  ${l.text}`, W, 10.5, 400, measure, 1)[0] ?? '');
		const cite = m.citation ? wrap(m.citation, W, 9.5, 400, measure, 1) : [];
		const h = 16 + lines.length * 14 + cite.length * 13;
		const top = bottom - h;
		tail.push(
			`<text x="${PAD}" y="${top + 8}" font-size="9" font-weight="750" letter-spacing="0.8" fill="${c.ink}">${esc(headings.value.toUpperCase())}</text>`
		);
		lines.forEach((l, j) => tail.push(`<text x="${PAD}" y="${top + 24 + j * 14}" font-size="10.5" fill="#17212f">${esc(l)}</text>`));
		cite.forEach((l, j) =>
			tail.push(
				`<text x="${PAD}" y="${top + 24 + lines.length * 14 + j * 13}" font-size="9.5" font-style="italic" fill="#5f6c7b">${esc(l)}</text>`
			)
		);
		bottom = top - 10;
	}
	if (m.traits.length) {
		const rows = m.traits.slice(0, 5);
		const top = bottom - rows.length * 15;
		const poleW = 110;
		const tx = PAD + poleW + 8;
		const tw = W - 2 * poleW - 16;
		rows.forEach((tr, j) => {
			const ry = top + j * 15 + 8;
			const left = wrap(tr.left, poleW, 10, 400, measure, 1)[0] ?? '';
			const right = wrap(tr.right, poleW, 10, 400, measure, 1)[0] ?? '';
			tail.push(
				`<text x="${PAD + poleW}" y="${ry + 3.5}" font-size="10" text-anchor="end" fill="${tr.value < 40 ? '#17212f' : '#4a5868'}">${esc(left)}</text>`
			);
			tail.push(`<rect x="${tx}" y="${ry - 2.5}" width="${tw}" height="5" rx="2.5" fill="#e3e8ef"/>`);
			tail.push(`<rect x="${tx + tw / 2}" y="${ry - 5}" width="1" height="10" fill="#b5c0cd"/>`);
			tail.push(`<circle cx="${tx + (tw * tr.value) / 100}" cy="${ry}" r="5" fill="${c.ink}" stroke="#fff" stroke-width="2"/>`);
			tail.push(
				`<text x="${tx + tw + 8}" y="${ry + 3.5}" font-size="10" fill="${tr.value > 60 ? '#17212f' : '#4a5868'}">${esc(right)}</text>`
			);
		});
		bottom = top - 10;
	}

	// Two columns between the quote and the bottom blocks.
	const colW = (W - 16) / 2;
	const column = (x: number, title: string, items: string[]) => {
		let cy = y + 8;
		out.push(
			`<text x="${x}" y="${cy}" font-size="9" font-weight="750" letter-spacing="0.8" fill="${c.ink}">${esc(title.toUpperCase())}</text>`
		);
		out.push(`<rect x="${x}" y="${cy + 4}" width="${colW}" height="0.75" fill="#c9d2dd"/>`);
		cy += 20;
		for (const it of items) {
			const ls = wrap(it, colW - 10, 10.5, 400, measure, 3);
			if (cy + (ls.length - 1) * 13.5 > bottom - 4) break;
			out.push(`<circle cx="${x + 2.5}" cy="${cy - 3.5}" r="1.8" fill="${c.ink}"/>`);
			for (const l of ls) {
				if (cy > bottom - 4) break;
				text(x + 10, cy, l, 10.5, '#17212f');
				cy += 13.5;
			}
			cy += 3;
		}
	};
	column(PAD, headings.behaviour, [...(m.channels.length ? [m.channels.join(' · ')] : []), ...m.behaviour.map((l) => l.text)]);
	column(
		PAD + colW + 16,
		headings.psychology,
		m.psychology.map((l) => `${l.label}: ${l.text}`)
	);
	out.push(...tail);

	return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_W}" height="${CARD_H}" viewBox="0 0 ${CARD_W} ${CARD_H}" font-family="${esc(FONT)}">${out.join('')}</svg>`;
}

/** Canvas-based text measure (browser only). */
export function canvasMeasure(): Measure {
	const ctx = document.createElement('canvas').getContext('2d');
	return (s, px, weight) => {
		if (!ctx) return s.length * px * 0.6;
		ctx.font = `${weight} ${px}px ${FONT}`;
		return ctx.measureText(s).width;
	};
}

/** Renders the SVG into a PNG at `scale`× (crisp for print and slides). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
	const img = new Image();
	img.decoding = 'async';
	const loaded = new Promise<void>((resolve, reject) => {
		img.onload = () => resolve();
		img.onerror = () => reject(new Error('svg'));
	});
	img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
	await loaded;
	const canvas = document.createElement('canvas');
	canvas.width = CARD_W * scale;
	canvas.height = CARD_H * scale;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('canvas');
	ctx.scale(scale, scale);
	ctx.drawImage(img, 0, 0, CARD_W, CARD_H);
	const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
	if (!blob) throw new Error('png');
	return blob;
}
