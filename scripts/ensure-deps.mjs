// Installs dependencies when node_modules is missing or older than package-lock.json (npm ci, never a browser download).
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function ensureDeps() {
	const lock = 'package-lock.json';
	const marker = 'node_modules/.package-lock.json';
	const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
	if (!stale) return;
	console.log('› Installing dependencies (npm ci)…');
	const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
		stdio: 'inherit',
		env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
}

export function run(cmd, args, opts = {}) {
	console.log(`› ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	return r.status ?? 1;
}
