// Browser side of the exports: an SVG string drawn into a canvas at 2× (via an <img> from a blob: URL, allowed by the CSP) and read back as PNG.

/** Chromium refuses canvases above ~16k px a side or ~268 M pixels; stay well inside both. */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

export function pngScale(width: number, height: number, wanted = 2): number {
	let s = wanted;
	s = Math.min(s, MAX_SIDE / width, MAX_SIDE / height);
	s = Math.min(s, Math.sqrt(MAX_PIXELS / (width * height)));
	return Math.max(0.25, Math.floor(s * 100) / 100);
}

export async function svgToPng(svg: string, width: number, height: number, wanted = 2): Promise<{ blob: Blob; scale: number }> {
	const scale = pngScale(width, height, wanted);
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'async';
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2d context');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
		if (!blob) throw new Error('canvas.toBlob returned nothing');
		return { blob, scale };
	} finally {
		URL.revokeObjectURL(url);
	}
}
