// A small static server for build/: exact file, file.html, dir/index.html, else the SPA fallback 200.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm'
};

export function startServer({ root = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const base = resolve(root);
	const tryFile = async (p) => {
		try {
			const s = await stat(p);
			return s.isFile() ? p : null;
		} catch {
			return null;
		}
	};
	const server = createServer(async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://x');
			const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
			const p = join(base, rel);
			if (!p.startsWith(base)) {
				res.writeHead(403).end();
				return;
			}
			const file = (await tryFile(p)) ?? (await tryFile(p + '.html')) ?? (await tryFile(join(p, 'index.html'))) ?? join(base, '200.html');
			const body = await readFile(file);
			const immutable = url.pathname.startsWith('/_app/immutable/');
			res.writeHead(200, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
				'x-content-type-options': 'nosniff'
			});
			res.end(req.method === 'HEAD' ? undefined : body);
		} catch (e) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
		}
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => ok(server));
	});
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
	const arg = (name, dflt) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : dflt;
	};
	const port = Number(arg('port', process.env.PORT ?? 4173));
	const host = arg('host', '127.0.0.1');
	for (let p = port; p < port + 20; p++) {
		try {
			await startServer({ root: arg('root', 'build'), port: p, host });
			console.log(
				`\n  CX Studio · 客户体验工作台 is running at  http://${host === '0.0.0.0' ? 'localhost' : host}:${p}/\n  (Ctrl+C to stop)\n`
			);
			break;
		} catch (e) {
			if (e.code !== 'EADDRINUSE' || process.argv.includes('--strict-port')) throw e;
		}
	}
}
