// `npm run app`: install if needed, build, then serve the offline-capable app and print its URL.
import { ensureDeps, run } from './ensure-deps.mjs';

ensureDeps();
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
await import('./serve.mjs').then(async ({ startServer }) => {
	const host = process.env.HOST ?? '127.0.0.1';
	const base = Number(process.env.PORT ?? 4173);
	for (let p = base; p < base + 20; p++) {
		try {
			await startServer({ port: p, host });
			console.log(
				`\n  CX Studio · 客户体验工作台 is running at  http://${host === '0.0.0.0' ? 'localhost' : host}:${p}/\n  Works offline after the first visit. Ctrl+C to stop.\n`
			);
			return;
		} catch (e) {
			if (e.code !== 'EADDRINUSE') throw e;
		}
	}
	console.error('No free port found');
	process.exit(1);
});
