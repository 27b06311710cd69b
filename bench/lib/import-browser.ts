// Runs one import through the real UI in headless Chromium (file input → worker parse → map → build → Save to IndexedDB) and measures time, heap and long tasks.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface BrowserRun {
	/** What the user waits for: from each click (or the file choice) to the first frame after the next screen is in the page, summed over the steps. */
	wallMs: number;
	/** The same steps timed from this process, including Playwright's round trips and actionability checks between them. */
	harnessMs: number;
	phases: { read: number; parse: number; build: number; save: number };
	peakHeapBytes: number;
	/** Where the heap figure comes from: page + CSV worker (CDP Runtime.getHeapUsage), or page only. */
	heapScope: string;
	/** CPU time (user + system) of the whole Chromium process tree from file chosen to saved; null when /proc is unavailable. */
	cpuMs: number | null;
	longestTaskMs: number;
	longTasks: number;
	/** Each task over 50 ms: the step it fell in (or between steps) and its length. */
	longTaskSteps: string[];
	rowsSaved: number;
}

/** utime + stime (ms) of the process whose command line holds `tag` and all its descendants (Linux /proc). */
function treeCpuMs(tag: string): number | null {
	try {
		const procs = new Map<number, { ppid: number; cpu: number }>();
		let root = -1;
		for (const d of readdirSync('/proc')) {
			if (!/^\d+$/.test(d)) continue;
			try {
				const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
				const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				procs.set(+d, { ppid: +f[1], cpu: ((+f[11] + +f[12]) * 1000) / 100 });
				if (root < 0 && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(tag)) root = +d;
			} catch {
				/* process ended */
			}
		}
		if (root < 0) return null;
		const inTree = new Set([root]);
		let grew = true;
		while (grew) {
			grew = false;
			for (const [pid, p] of procs)
				if (!inTree.has(pid) && inTree.has(p.ppid)) {
					inTree.add(pid);
					grew = true;
				}
		}
		let total = 0;
		for (const pid of inTree) total += procs.get(pid)!.cpu;
		return total;
	} catch {
		return null;
	}
}

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Samples the JS heap of the page and every dedicated worker through a browser-level CDP session. */
class HeapSampler {
	#cdp: CDPSession;
	#sessions = new Map<string, string>();
	#pending = new Map<number, (used: number) => void>();
	#last = new Map<string, number>();
	#next = 1;
	#timer: ReturnType<typeof setInterval> | null = null;
	#busy = false;
	peak = 0;
	sawWorker = false;
	#calls = new Map<number, (result: unknown) => void>();

	/** Send one CDP command to every page and worker target attached so far (BENCH_PROFILE). */
	async sendAll(method: string, params: object = {}): Promise<{ target: string; result: unknown }[]> {
		await this.sample();
		return Promise.all(
			[...this.#sessions].map(
				([target, sessionId]) =>
					new Promise<{ target: string; result: unknown }>((resolve) => {
						const id = this.#next++;
						this.#calls.set(id, (result) => resolve({ target, result }));
						void this.#cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
					})
			)
		);
	}

	constructor(cdp: CDPSession) {
		this.#cdp = cdp;
		cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
			const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number; backingStorageSize?: number } };
			if (m.id !== undefined && this.#calls.has(m.id)) {
				this.#calls.get(m.id)!(m.result);
				this.#calls.delete(m.id);
				return;
			}
			// JS objects plus ArrayBuffer backing stores (typed-array columns live there, outside `usedSize`)
			if (m.id !== undefined) this.#pending.get(m.id)?.((m.result?.usedSize ?? 0) + (m.result?.backingStorageSize ?? 0));
		});
	}

	start(everyMs = 100): void {
		this.#timer = setInterval(() => void this.sample(), everyMs);
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
	}

	async sample(): Promise<void> {
		if (this.#busy) return;
		this.#busy = true;
		try {
			const { targetInfos } = (await this.#cdp.send('Target.getTargets')) as {
				targetInfos: { targetId: string; type: string; url: string }[];
			};
			const live = new Set<string>();
			for (const t of targetInfos) {
				if (t.type !== 'page' && t.type !== 'worker') continue;
				live.add(t.targetId);
				if (t.type === 'worker') this.sawWorker = true;
				if (!this.#sessions.has(t.targetId)) {
					const { sessionId } = (await this.#cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as {
						sessionId: string;
					};
					this.#sessions.set(t.targetId, sessionId);
				}
			}
			for (const id of [...this.#sessions.keys()]) if (!live.has(id)) this.#sessions.delete(id);
			const used = await Promise.all(
				[...this.#sessions.values()].map(
					(sessionId) =>
						new Promise<number>((resolve) => {
							const id = this.#next++;
							// a target too busy to answer in time counts with its last known size
							const timeout = setTimeout(() => resolve(this.#last.get(sessionId) ?? 0), 2000);
							this.#pending.set(id, (u) => {
								clearTimeout(timeout);
								this.#pending.delete(id);
								this.#last.set(sessionId, u);
								resolve(u);
							});
							void this.#cdp
								.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) })
								.catch(() => resolve(this.#last.get(sessionId) ?? 0));
						})
				)
			);
			this.peak = Math.max(
				this.peak,
				used.reduce((a, b) => a + b, 0)
			);
		} catch {
			/* a target went away between calls: next sample */
		} finally {
			this.#busy = false;
		}
	}
}

/**
 * One wizard step, timed inside the page: from the user's event (capture phase, before the app's
 * own handler) to the first animation frame after `selector` is in the document (+ a task, so the
 * frame has been painted). Playwright's own latency between steps is not the app's.
 */
async function timed(page: Page, selector: string, event: 'click' | 'change', act: () => Promise<void>, name = selector): Promise<number> {
	// a string, not a function: tsx would wrap named inner functions in a `__name` helper the page lacks
	await page.evaluate(`(() => {
		const selector = ${JSON.stringify(selector)};
		const w = window;
		w.__step = { start: -1, end: -1 };
		w.__stepDone = new Promise((resolve) => {
			document.addEventListener(${JSON.stringify(event)}, () => { if (w.__step.start < 0) w.__step.start = performance.now(); }, { capture: true, once: true });
			const mo = new MutationObserver(() => {
				if (w.__step.start >= 0 && document.querySelector(selector) !== null) {
					mo.disconnect();
					requestAnimationFrame(() => setTimeout(() => {
						w.__step.end = performance.now();
						(w.__windows ??= []).push([${JSON.stringify(name)}, w.__step.start, w.__step.end]);
						resolve(w.__step.end - w.__step.start);
					}));
				}
			});
			mo.observe(document.body, { childList: true, subtree: true, attributes: true });
		});
	})()`);
	await act();
	// one call that resolves in the page when the step ends: no polling while the app works
	return page.evaluate(() => (window as unknown as { __stepDone: Promise<number> }).__stepDone);
}

/**
 * `pauseMs`: how long the simulated user looks at each screen before clicking on (0: clicks the moment
 * the screen is painted, the worst case for work the app does ahead of the click).
 */
export async function importInBrowser(
	baseURL: string,
	file: string,
	executablePath: string,
	pauseMs = 0,
	opts: { sampleHeap?: boolean } = {}
): Promise<BrowserRun> {
	const tag = `--cx-bench-import=${process.pid}-${Date.now()}`;
	const browser: Browser = await chromium.launch({ executablePath, args: [...ARGS, tag] });
	try {
		const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.addInitScript(() => {
			localStorage.setItem('cx.locale', 'en');
			const w = window as unknown as { __long: [number, number][] };
			w.__long = [];
			try {
				new PerformanceObserver((list) => {
					for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
				}).observe({ type: 'longtask', buffered: false });
			} catch {
				/* longtask unsupported */
			}
		});
		await page.goto(baseURL + '/');
		await page.getByRole('button', { name: /Start empty/ }).click();
		await page.getByTestId('overview').waitFor();
		await page.goto(baseURL + '/data/import');
		const wizard = page.getByTestId('import-wizard');
		await wizard.waitFor();
		const early = process.env.BENCH_PROFILE_EARLY && pauseMs === 0 ? await browser.newBrowserCDPSession() : null;
		const earlySampler = early ? new HeapSampler(early) : null;
		if (earlySampler) {
			await earlySampler.sendAll('Profiler.enable');
			await earlySampler.sendAll('Profiler.setSamplingInterval', { interval: 200 });
			await earlySampler.sendAll('Profiler.start');
		}
		await page.waitForTimeout(300);
		await page.evaluate(() => ((window as unknown as { __long: [number, number][] }).__long = []));

		const cdp = await browser.newBrowserCDPSession();
		const heap = new HeapSampler(cdp);
		await heap.sample();
		// polling the heap of the page and the worker every 100 ms interrupts both: only the run that
		// measures memory does it (the timed run samples before and after)
		if (opts.sampleHeap) heap.start(100);

		const profile = process.env.BENCH_PROFILE && pauseMs === 0;
		if (profile) {
			// the page and the CSV worker (started when the wizard opens), from the file choice on
			await heap.sendAll('Profiler.enable');
			await heap.sendAll('Profiler.setSamplingInterval', { interval: 200 });
			await heap.sendAll('Profiler.start');
		}
		const cpu0 = treeCpuMs(tag.slice(2));
		const t0 = performance.now();
		const read = await timed(page, '[data-step="read"]', 'change', () => page.getByTestId('file-input').setInputFiles(file), 'read');
		const look = () => (pauseMs > 0 ? page.waitForTimeout(pauseMs) : Promise.resolve());

		await look();
		const parse = await timed(page, '[data-step="map"]', 'click', () => page.getByTestId('read-file').click(), 'parse');
		await look();
		const build = await timed(page, '[data-step="check"]', 'click', () => page.getByTestId('check-data').click(), 'build');
		await look();
		const toSave = await timed(page, '[data-testid="save-dataset"]', 'click', () => page.getByTestId('to-save').click(), 'to save');
		const save = await timed(page, '[data-testid="import-success"]', 'click', () => page.getByTestId('save-dataset').click(), 'save');
		const t1 = performance.now();
		const cpu1 = treeCpuMs(tag.slice(2));
		if (earlySampler) {
			const out = await earlySampler.sendAll('Profiler.stop');
			for (const [k, o] of out.entries()) {
				const prof = (o.result as { profile?: unknown } | undefined)?.profile;
				if (prof) writeFileSync(`${process.env.BENCH_PROFILE_EARLY}-${k}.cpuprofile`, JSON.stringify(prof));
			}
		}
		if (profile) {
			const out = await heap.sendAll('Profiler.stop');
			for (const [k, o] of out.entries()) {
				const prof = (o.result as { profile?: unknown } | undefined)?.profile;
				if (prof) writeFileSync(`${process.env.BENCH_PROFILE}-${k}.cpuprofile`, JSON.stringify(prof));
			}
		}
		heap.stop();
		await heap.sample();

		const longEntries = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
		const long = longEntries.map(([, d]) => d);
		const windows = await page.evaluate(() => (window as unknown as { __windows: [string, number, number][] }).__windows ?? []);
		const longTaskSteps = longEntries.map(
			([at, d]) => `${windows.find(([, a, b]) => at >= a && at <= b)?.[0] ?? 'between steps'} ${Math.round(d)} ms`
		);
		const rowsSaved = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const req = indexedDB.open('cx-studio');
					req.onsuccess = () => {
						const tx = req.result.transaction('datasets', 'readonly');
						const all = tx.objectStore('datasets').getAll();
						all.onsuccess = () => resolve((all.result as { rowCount: number }[]).reduce((a, d) => a + d.rowCount, 0));
						all.onerror = () => resolve(-1);
					};
					req.onerror = () => resolve(-1);
				})
		);
		return {
			wallMs: read + parse + build + toSave + save,
			harnessMs: t1 - t0,
			phases: { read, parse, build, save: toSave + save },
			cpuMs: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
			peakHeapBytes: heap.peak,
			heapScope: heap.sawWorker ? 'page + csv worker' : 'page',
			longestTaskMs: long.length ? Math.max(...long) : 0,
			longTasks: long.length,
			longTaskSteps,
			rowsSaved
		};
	} finally {
		await browser.close();
	}
}
