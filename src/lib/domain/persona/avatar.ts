// Deterministic generated avatar: SVG shape data (no DOM) from a seed, so the same persona always gets the same face.
import { rng } from '../random';
export type AvatarShape =
	| { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
	| { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; fill: string }
	| { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number; fill: string }
	| { kind: 'path'; d: string; fill: string; stroke?: string; strokeWidth?: number };

export interface Avatar {
	/** Always "0 0 64 64"; render at any size. */
	viewBox: string;
	background: string;
	shapes: AvatarShape[];
	/** Short, neutral description for alt text (the UI prefixes the persona's name). */
	description: { hair: string; glasses: boolean };
}

/** FNV-1a: stable 32-bit hash of the seed string. */
function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

// Muted backgrounds that print well in greyscale and keep text contrast on the card.
const BACKGROUNDS = ['#dbe7f3', '#e3efe0', '#f3e6d8', '#ece0f0', '#f5e1e1', '#e0eeee', '#eeeadb', '#e4e4ee'];
const SKIN = ['#f6d5bd', '#eec4a3', '#dba880', '#c68b62', '#a9704a', '#7d5234'];
const HAIR = ['#2b2118', '#4a3424', '#6b4a2f', '#8c8c8c', '#1d1d1f', '#a0522d', '#d8b66a'];
const SHIRT = ['#1f4e79', '#2e7d5b', '#8a3b3b', '#5b4a8a', '#3b6f8a', '#7a6a3a', '#444b55'];
const HAIR_STYLES = ['short', 'long', 'bun', 'side', 'bald'] as const;

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

export function generateAvatar(seed: string): Avatar {
	const r = rng(hash(seed));
	const background = pick(r, BACKGROUNDS);
	const skin = pick(r, SKIN);
	const hair = pick(r, HAIR);
	const shirt = pick(r, SHIRT);
	const style = pick(r, HAIR_STYLES);
	const glasses = r() < 0.3;
	const smile = 1 + Math.round(r() * 3);
	const shapes: AvatarShape[] = [];
	// Hair behind the head (long hair falls to the shoulders).
	if (style === 'long') shapes.push({ kind: 'rect', x: 17, y: 18, width: 30, height: 30, rx: 12, fill: hair });
	shapes.push({ kind: 'path', d: 'M10 64 C10 48 20 42 32 42 C44 42 54 48 54 64 Z', fill: shirt });
	shapes.push({ kind: 'rect', x: 28, y: 36, width: 8, height: 8, rx: 2, fill: skin });
	shapes.push({ kind: 'ellipse', cx: 32, cy: 27, rx: 12, ry: 13.5, fill: skin });
	switch (style) {
		case 'short':
		case 'long':
			shapes.push({
				kind: 'path',
				d: 'M19.5 26 C19 15 25 12 32 12 C39 12 45 15 44.5 26 C42 20 36 18 32 18 C27 18 22 20 19.5 26 Z',
				fill: hair
			});
			break;
		case 'bun':
			shapes.push({ kind: 'circle', cx: 32, cy: 11, r: 5, fill: hair });
			shapes.push({ kind: 'path', d: 'M19.5 25 C19 15 25 13 32 13 C39 13 45 15 44.5 25 C40 19 24 19 19.5 25 Z', fill: hair });
			break;
		case 'side':
			shapes.push({
				kind: 'path',
				d: 'M19.5 27 C18 15 26 12 33 12 C41 12 46 17 44.5 27 C43 21 38 18 30 20 C26 21 22 23 19.5 27 Z',
				fill: hair
			});
			break;
		case 'bald':
			break;
	}
	shapes.push({ kind: 'circle', cx: 27.5, cy: 28, r: 1.4, fill: '#2b2118' });
	shapes.push({ kind: 'circle', cx: 36.5, cy: 28, r: 1.4, fill: '#2b2118' });
	if (glasses) {
		shapes.push({
			kind: 'path',
			d: 'M23.5 28 a4 4 0 1 0 8 0 a4 4 0 1 0 -8 0 M32.5 28 a4 4 0 1 0 8 0 a4 4 0 1 0 -8 0 M31.5 28 L32.5 28',
			fill: 'none',
			stroke: '#333',
			strokeWidth: 1
		});
	}
	shapes.push({ kind: 'path', d: `M28 34 Q32 ${34 + smile} 36 34`, fill: 'none', stroke: '#7a3b2e', strokeWidth: 1.4 });
	return { viewBox: '0 0 64 64', background, shapes, description: { hair: style, glasses } };
}
