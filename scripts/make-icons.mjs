// Renders the app icons (192, 512, maskable 512) as PNGs with no dependencies: run once, commit the output.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

function crc32(buf) {
	let c,
		crc = 0xffffffff;
	for (let n = 0; n < buf.length; n++) {
		c = (crc ^ buf[n]) & 0xff;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		crc = (crc >>> 8) ^ c;
	}
	return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
	const raw = Buffer.alloc((size * 4 + 1) * size);
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const [r, g, b, a] = pixel(x, y);
			const o = y * (size * 4 + 1) + 1 + x * 4;
			raw[o] = r;
			raw[o + 1] = g;
			raw[o + 2] = b;
			raw[o + 3] = a;
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8;
	ihdr[9] = 6;
	ihdr[10] = 0;
	ihdr[11] = 0;
	ihdr[12] = 0;
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}
// Geometry in a 32-unit box, as favicon.svg: the emotion-curve mark.
const curve = [];
for (let i = 0; i <= 200; i++) {
	const t = i / 200;
	// cubic-ish path through (7,20) (12,13) (16,16) (21,11) (25,9)
	const x = 7 + 18 * t;
	const y = 20 - 11 * t + 3.2 * Math.sin(t * Math.PI * 2.2) * (1 - t);
	curve.push([x, y]);
}
function distToCurve(x, y) {
	let best = Infinity;
	for (let i = 1; i < curve.length; i++) {
		const [ax, ay] = curve[i - 1],
			[bx, by] = curve[i];
		const dx = bx - ax,
			dy = by - ay;
		const tt = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
		best = Math.min(best, Math.hypot(x - ax - tt * dx, y - ay - tt * dy));
	}
	return best;
}
function render(size, { maskable }) {
	const S = 4; // supersampling
	return png(size, (px, py) => {
		let acc = [0, 0, 0, 0];
		for (let sy = 0; sy < S; sy++)
			for (let sx = 0; sx < S; sx++) {
				let u = ((px + (sx + 0.5) / S) / size) * 32,
					v = ((py + (sy + 0.5) / S) / size) * 32;
				if (maskable) {
					u = (u - 16) / 0.72 + 16;
					v = (v - 16) / 0.72 + 16;
				}
				let col = [0, 0, 0, 0];
				const r = 8,
					inRect = maskable || Math.max(Math.abs(u - 16) - (16 - r), 0) ** 2 + Math.max(Math.abs(v - 16) - (16 - r), 0) ** 2 <= r * r;
				if (inRect || maskable) col = [31, 78, 121, 255];
				if (!maskable && !inRect) col = [0, 0, 0, 0];
				if (col[3] && distToCurve(u, v) < 1.3) col = [255, 255, 255, 255];
				if (col[3] && Math.hypot(u - 25, v - 9) < 2.6) col = [192, 98, 46, 255];
				acc = acc.map((a, i) => a + col[i] * (i === 3 ? 1 : col[3] / 255));
			}
		const n = S * S,
			a = acc[3] / n;
		return a === 0
			? [0, 0, 0, 0]
			: [Math.round(acc[0] / n / (a / 255)), Math.round(acc[1] / n / (a / 255)), Math.round(acc[2] / n / (a / 255)), Math.round(a)];
	});
}
mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', render(192, { maskable: false }));
writeFileSync('static/icons/icon-512.png', render(512, { maskable: false }));
writeFileSync('static/icons/icon-maskable-512.png', render(512, { maskable: true }));
console.log('icons written');
