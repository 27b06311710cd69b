// Journey editor benchmark: open a 12 stages × 10 lanes × 500 cards map and type into a card, in Chromium against the built app; baseline = a one-card blank map, same run.
// Usage: npm run bench:journey [-- --seed 1 --runs 7 --chars 50 --port 4391 --vsync]; BENCH_PROFILE=x.cpuprofile / BENCH_TRACE=x.json record the typing in the large map.
import { execSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { addCard, BLANK, exportJourneyFile, instantiateTemplate, type JourneyState } from '../src/lib/domain/journey';
import { makeLargeJourney } from '../tests/fixtures/journey/large-journey';
import { BenchReport } from './lib/report';
// @ts-expect-error plain ESM helper without types
import { startServer } from '../scripts/serve.mjs';

const args = process.argv.slice(2);
const arg = (k: string): string | undefined => {
	const i = args.indexOf(`--${k}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const SEED = Number(arg('seed') ?? 1);
const RUNS = Number(arg('runs') ?? 7);
const CHARS = Number(arg('chars') ?? 50);
const PORT = Number(arg('port') ?? process.env.BENCH_PORT ?? 4391);
/**
 * By default Chromium runs without the 60 Hz frame clock, so "keydown → next paint" measures the app's own work
 * instead of the wait for the next vsync (up to 16.7 ms on any page). `--vsync` keeps the clock for comparison.
 */
const VSYNC = args.includes('--vsync');
const BUILD_DIR = process.env.CX_OUT ? `build-${process.env.CX_OUT}` : 'build';

const report = new BenchReport('journey', 2);

const quantile = (xs: number[], q: number): number => {
	const s = [...xs].sort((a, b) => a - b);
	const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
	return s[i];
};
const median = (xs: number[]) => quantile(xs, 0.5);

/** Cards the grid must show: every card in a visible lane other than the emotion lane (which draws the curve). */
function visibleCards(s: JourneyState): number {
	const shown = new Set(s.journey.lanes.filter((l) => !l.hidden && l.type !== 'emotion').map((l) => l.id));
	return s.cards.filter((c) => shown.has(c.laneId)).length;
}

async function importMap(page: Page, s: JourneyState, name: string): Promise<string> {
	await page.goto(`http://127.0.0.1:${PORT}/journeys`);
	await page
		.getByTestId('journey-import-input')
		.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(exportJourneyFile(s)) });
	await page.waitForURL(/\/journeys\/[^/]+$/, { timeout: 30_000 });
	const id = page.url().split('/').pop()!;
	await page.getByTestId('journey-grid').waitFor({ timeout: 30_000 });
	return id;
}

/** Client-side navigation list → map (the app is booted, as when a user opens a map), until the grid and all cards are painted. */
async function openTimes(page: Page, id: string, expected: number): Promise<number[]> {
	const out: number[] = [];
	for (let r = 0; r < RUNS + 1; r++) {
		await page.evaluate(() => {
			const a = document.createElement('a');
			a.href = '/journeys';
			document.body.appendChild(a);
			a.click();
			a.remove();
		});
		await page.waitForURL(/\/journeys$/);
		await page.waitForFunction(() => !document.querySelector('[data-testid="journey-grid"]'));
		await page.waitForTimeout(150);
		const ms = await page.evaluate(
			({ id, expected }) =>
				new Promise<number>((resolve, reject) => {
					const t0 = performance.now();
					const done = () => {
						const grid = document.querySelector('[data-testid="journey-grid"]');
						return !!grid && document.querySelectorAll('[data-testid="journey-card"]').length >= expected;
					};
					const finish = () =>
						requestAnimationFrame(() => {
							const ch = new MessageChannel();
							ch.port1.onmessage = () => resolve(performance.now() - t0);
							ch.port2.postMessage(0);
						});
					const mo = new MutationObserver(() => {
						if (done()) {
							mo.disconnect();
							finish();
						}
					});
					mo.observe(document.body, { childList: true, subtree: true });
					setTimeout(() => {
						mo.disconnect();
						reject(
							new Error(`map not rendered in 20 s: ${document.querySelectorAll('[data-testid="journey-card"]').length}/${expected} cards`)
						);
					}, 20_000);
					const a = document.createElement('a');
					a.href = `/journeys/${id}`;
					document.body.appendChild(a);
					a.click();
					a.remove();
				}),
			{ id, expected }
		);
		if (r > 0) out.push(ms); // the first run warms the route's code
	}
	return out;
}

/** Double-click a card to edit it, then type: each keydown → the next frame after its update is painted. */
async function typingLatencies(page: Page): Promise<number[]> {
	const card = page.getByTestId('journey-card').first();
	await card.scrollIntoViewIfNeeded();
	await card.dblclick();
	const box = page.getByTestId('card-text');
	await box.waitFor();
	await page.evaluate(() => {
		const w = window as unknown as { __lat: number[]; __latOn?: boolean };
		w.__lat = [];
		// One listener per page: the app is a single page, so a second call must not count every key twice.
		if (w.__latOn) return;
		w.__latOn = true;
		document.addEventListener(
			'keydown',
			() => {
				const t0 = performance.now();
				requestAnimationFrame(() => {
					const ch = new MessageChannel();
					ch.port1.onmessage = () => w.__lat.push(performance.now() - t0);
					ch.port2.postMessage(0);
				});
			},
			true
		);
	});
	const text = 'Queue at the counter 排队太久 wait 18 min, refund?! '.repeat(4).slice(0, CHARS);
	for (const ch of text) {
		await page.keyboard.type(ch);
		await page.waitForTimeout(40);
	}
	await page.waitForTimeout(200);
	const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
	const value = await box.inputValue();
	if (!value.endsWith(text)) throw new Error(`typed text did not land in the card: ${JSON.stringify(value.slice(-60))}`);
	await page.keyboard.press('Escape');
	return lat;
}

async function main(): Promise<void> {
	if (!existsSync(`${BUILD_DIR}/200.html`)) {
		console.log(`Building the app into ${BUILD_DIR}/ …`);
		execSync('npx vite build', { stdio: 'inherit', env: process.env });
	}
	const server = await startServer({ root: BUILD_DIR, port: PORT });
	const flags = [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	];
	if (!VSYNC) flags.push('--disable-gpu-vsync', '--disable-frame-rate-limit');
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: flags });
	try {
		const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 }, serviceWorkers: 'block' });
		const page = await ctx.newPage();
		page.on('pageerror', (e) => console.error('page error:', e.message));
		// tsx (esbuild keepNames) wraps named functions inside page.evaluate callbacks in __name(); give the page one.
		await page.addInitScript('window.__name = (f) => f;');
		await page.addInitScript(() => localStorage.setItem('cx.locale', 'en'));
		await page.goto(`http://127.0.0.1:${PORT}/`);
		await page.getByTestId('welcome').getByRole('button').first().click();
		await page.getByTestId('overview').waitFor();

		const large = makeLargeJourney(SEED);
		let small = instantiateTemplate(BLANK, 'en', 'bench');
		small = addCard(small, { laneId: small.journey.lanes[0].id, stepId: small.journey.stages[0].steps[0].id, text: 'A card' }).state;
		console.log(
			`Seeding: ${large.journey.stages.length} stages × ${large.journey.lanes.length} lanes × ${large.cards.length} cards (seed ${SEED}); baseline: blank map with 1 card`
		);
		const largeId = await importMap(page, large, 'bench-large.journey.json');
		const smallId = await importMap(page, small, 'bench-small.journey.json');

		const openLarge = await openTimes(page, largeId, visibleCards(large));
		const openSmall = await openTimes(page, smallId, visibleCards(small));
		await page.getByTestId('journey-grid').waitFor();
		const typeSmall = await typingLatencies(page);
		await page.evaluate((id) => {
			const a = document.createElement('a');
			a.href = `/journeys/${id}`;
			document.body.appendChild(a);
			a.click();
			a.remove();
		}, largeId);
		await page.waitForFunction((n) => document.querySelectorAll('[data-testid="journey-card"]').length >= n, visibleCards(large));
		// BENCH_PROFILE=file.cpuprofile: a V8 CPU profile of the page while typing in the large map
		const cdp = process.env.BENCH_PROFILE ? await ctx.newCDPSession(page) : null;
		if (cdp) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
			await cdp.send('Profiler.start');
		}
		if (process.env.BENCH_TRACE)
			await browser.startTracing(page, { path: process.env.BENCH_TRACE, categories: ['devtools.timeline', 'blink', 'cc'] });
		const typeLarge = await typingLatencies(page);
		if (process.env.BENCH_TRACE) await browser.stopTracing();
		if (cdp) {
			const { profile } = await cdp.send('Profiler.stop');
			writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
			console.log(`wrote ${process.env.BENCH_PROFILE}`);
		}

		const open = median(openLarge);
		report.record(
			'open_ms (median)',
			open,
			'ms',
			median(openSmall),
			'< 300',
			open < 300,
			`${RUNS} client navigations list → map, grid + ${visibleCards(large)} cards painted`
		);
		const p50 = quantile(typeLarge, 0.5);
		const p95 = quantile(typeLarge, 0.95);
		report.record('typing_p50_ms', p50, 'ms', quantile(typeSmall, 0.5), '-', true, `${typeLarge.length} keystrokes, keydown → next paint`);
		report.record(
			'typing_p95_ms',
			p95,
			'ms',
			quantile(typeSmall, 0.95),
			'< 16',
			p95 < 16,
			VSYNC ? 'with the 60 Hz frame clock' : 'frame clock off (--disable-frame-rate-limit): app work only'
		);
		report.printTable();
		console.log(
			`\nopen runs (ms): ${openLarge.map((x) => x.toFixed(0)).join(', ')} · baseline ${openSmall.map((x) => x.toFixed(0)).join(', ')}`
		);
		report.write({ browser: `Chromium ${browser.version()}` });
		console.log('wrote bench/results/journey.json');
	} finally {
		await browser.close();
		server.close();
	}
}

await main();
