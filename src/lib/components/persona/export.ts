// Persona downloads: file names safe on every system, and the card as SVG / PNG built from the shared card model.
import { generateAvatar, type Persona } from '$lib/domain/persona';
import type { CardModel } from './card-model';
import { canvasMeasure, cardSvg, svgToPng } from './card-svg';

export function personaFileName(label: string, ext: string, now = new Date()): string {
	const safe =
		label
			.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
			.replace(/\s+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'personas';
	return `${safe}-${now.toISOString().slice(0, 10)}.${ext}`;
}

export type Headings = { behaviour: string; psychology: string; value: string; needs: string };

export function personaSvg(p: Persona, model: CardModel, photo: string | null, headings: Headings): string {
	return cardSvg(model, generateAvatar(p.basic.avatarSeed), photo, headings, canvasMeasure());
}

export async function personaPng(p: Persona, model: CardModel, photo: string | null, headings: Headings): Promise<Blob> {
	return svgToPng(personaSvg(p, model, photo, headings), 2);
}
