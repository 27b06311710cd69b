// Resizes a picked image in the browser (canvas, longest side ≤ 512 px, WebP or JPEG) so only a small blob is stored; nothing is uploaded.
export const PHOTO_MAX_SIDE = 512;
export const PHOTO_MAX_INPUT_BYTES = 25 * 1024 * 1024;

export type PhotoError = 'not-image' | 'too-large' | 'unreadable';
export type ResizedPhoto = { ok: true; blob: Blob; width: number; height: number } | { ok: false; code: PhotoError };

/** Target size keeping the aspect ratio; never upscales. */
export function fitWithin(w: number, h: number, max = PHOTO_MAX_SIDE): { width: number; height: number } {
	const s = Math.min(1, max / Math.max(w, h));
	return { width: Math.max(1, Math.round(w * s)), height: Math.max(1, Math.round(h * s)) };
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const url = URL.createObjectURL(file);
		const img = new Image();
		img.onload = () => {
			URL.revokeObjectURL(url);
			resolve(img);
		};
		img.onerror = () => {
			URL.revokeObjectURL(url);
			reject(new Error('decode'));
		};
		img.src = url;
	});
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
	return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

export async function resizePhoto(file: File | Blob): Promise<ResizedPhoto> {
	if (file.type && !file.type.startsWith('image/')) return { ok: false, code: 'not-image' };
	if (file.size > PHOTO_MAX_INPUT_BYTES) return { ok: false, code: 'too-large' };
	let img: HTMLImageElement;
	try {
		img = await loadImage(file);
	} catch {
		return { ok: false, code: 'unreadable' };
	}
	if (!img.naturalWidth || !img.naturalHeight) return { ok: false, code: 'unreadable' };
	const { width, height } = fitWithin(img.naturalWidth, img.naturalHeight);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) return { ok: false, code: 'unreadable' };
	// White under transparent PNGs: JPEG has no alpha and a black background looks broken on a printed card.
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, height);
	ctx.imageSmoothingQuality = 'high';
	ctx.drawImage(img, 0, 0, width, height);
	// A browser without WebP encoding silently returns PNG: fall back to JPEG then.
	let blob = await toBlob(canvas, 'image/webp', 0.85);
	if (!blob || blob.type !== 'image/webp') blob = await toBlob(canvas, 'image/jpeg', 0.85);
	if (!blob) return { ok: false, code: 'unreadable' };
	return { ok: true, blob, width, height };
}

/** Pixel size of a stored image (for imported photos). */
export async function measureImage(b: Blob): Promise<{ width: number; height: number }> {
	const img = await loadImage(b);
	return { width: img.naturalWidth, height: img.naturalHeight };
}
