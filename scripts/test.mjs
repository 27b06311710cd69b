// `npm test`: install if needed, make sure Debian Chromium is there, then type checks, lint, unit + component tests, build once, browser tests.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureDeps, run } from './ensure-deps.mjs';

const t0 = Date.now();
ensureDeps();

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(`✗ Chromium is missing at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium fonts-noto-cjk`);
		process.exit(1);
	}
	console.log('› Installing Debian Chromium (apt-get)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status !== 0) process.exit(1);
	const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], {
		stdio: 'inherit',
		env
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const steps = [
	[
		'types',
		() =>
			run('npx', ['svelte-kit', 'sync']) ||
			run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'])
	],
	['lint', () => run('npx', ['eslint', '.', '--max-warnings', '0']) || run('npx', ['prettier', '--check', '.', '--log-level', 'warn'])],
	['unit + component', () => run('npx', ['vitest', 'run'])],
	['build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'])],
	[
		'browser (Playwright + Chromium)',
		() => {
			ensureChromium();
			return run('npx', ['playwright', 'test']);
		}
	]
];

const only = process.argv.slice(2);
const results = [];
for (const [name, fn] of steps) {
	if (only.length && !only.some((o) => name.startsWith(o))) continue;
	const s = Date.now();
	console.log(`\n━━ ${name} ━━`);
	const code = fn();
	results.push([name, code, ((Date.now() - s) / 1000).toFixed(1)]);
	if (code !== 0) break;
}
console.log('\n━━ summary ━━');
for (const [name, code, secs] of results) console.log(`${code === 0 ? '✓' : '✗'} ${name} (${secs} s)`);
const failed = results.filter(([, c]) => c !== 0).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed · ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
