// Node-only CSV import benchmark: our streaming engine (File-like Blob → typed columns) vs pandas read_csv + to_datetime, same file, same run.
// Usage: npx tsx bench/import-node.ts [--rows 1000000] [--input FILE] [--runs 2]
import { existsSync, mkdirSync, openAsBlob, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { blobSource, parseSource } from '../src/lib/domain/csv/parse';
import { profileTable } from '../src/lib/domain/csv/inference';
import { guessKind, guessMapping, toColumnMapping } from '../src/lib/domain/csv/mapping';
import { buildDataset } from '../src/lib/domain/csv/validate';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A retail-shaped transactions CSV: order id, customer, timestamp, channel, product, qty, price, amount. */
async function generate(path: string, rows: number): Promise<void> {
	const rand = rng(20240607);
	const out = createWriteStream(path);
	const channels = ['web', 'app', 'store', 'phone'];
	const start = Date.UTC(2022, 0, 1);
	let buf = 'order_id,customer_id,order_date,channel,product,quantity,unit_price,amount\n';
	for (let i = 0; i < rows; i++) {
		const customer = 100000 + Math.floor((rows / 10) * Math.pow(rand(), 1.8));
		const t = new Date(start + Math.floor(rand() * 730 * 86400) * 1000).toISOString();
		const qty = 1 + Math.floor(rand() * 5);
		const price = Math.round(Math.exp(2.5 + rand()) * 100) / 100;
		buf += `O${1000000 + i},${customer},${t.slice(0, 10)} ${t.slice(11, 19)},${channels[Math.floor(rand() * 4)]},P${Math.floor(rand() * 2000)},${qty},${price},${(qty * price).toFixed(2)}\n`;
		if (buf.length > 1 << 20) {
			if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
			buf = '';
		}
	}
	out.write(buf);
	await new Promise((r) => out.end(r));
}

function mb(bytes: number): number {
	return Math.round((bytes / 1048576) * 10) / 10;
}

async function ours(path: string) {
	gc();
	const base = process.memoryUsage();
	let peak = 0;
	const sample = () => {
		const m = process.memoryUsage();
		peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
	};
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	const parsed = await parseSource(blobSource(await openAsBlob(path), path), {}, { onProgress: sample, progressEveryMs: 50 });
	sample();
	const t1 = performance.now();
	const t = parsed.data!;
	const prof = profileTable(t);
	const mapping = toColumnMapping(guessMapping(guessKind(t.headers, prof), t.headers, prof), prof);
	const t2 = performance.now();
	const built = buildDataset(t, mapping);
	const t3 = performance.now();
	const cpu = process.cpuUsage(c0);
	sample();
	const ds = built.data!;
	return {
		seconds: (t3 - t0) / 1000,
		cpuSeconds: (cpu.user + cpu.system) / 1e6,
		parse: (t1 - t0) / 1000,
		infer: (t2 - t1) / 1000,
		build: (t3 - t2) / 1000,
		peakMb: mb(peak),
		rows: ds.rowCount,
		rejected: ds.report.rowsRejected,
		mapping: mapping.fields
	};
}

function pandas(path: string): { seconds: number; cpuSeconds: number; version: string; python: string } | null {
	const code = `
import sys, time, pandas as pd
import { rng } from '../src/lib/domain/random';
t = time.perf_counter()
c = time.process_time()
df = pd.read_csv(sys.argv[1])
df['order_date'] = pd.to_datetime(df['order_date'])
print(pd.__version__, time.perf_counter() - t, time.process_time() - c, len(df))
`;
	for (const py of ['python3', '/usr/bin/python3']) {
		const r = spawnSync(py, ['-c', code, path], {
			encoding: 'utf8',
			env: { ...process.env, OMP_NUM_THREADS: '1' }
		});
		if (r.status === 0) {
			const [version, secs, cpu] = r.stdout.trim().split(/\s+/);
			return { seconds: Number(secs), cpuSeconds: Number(cpu), version, python: py };
		}
	}
	return null;
}

const rows = Number(arg('rows', '1000000'));
const runs = Number(arg('runs', '2'));
let input = arg('input', '');
if (!input) {
	const dir = join(tmpdir(), 'cx-import-bench');
	mkdirSync(dir, { recursive: true });
	input = join(dir, `transactions-${rows}.csv`);
	if (!existsSync(input)) {
		console.log(`generating ${rows.toLocaleString('en')} rows → ${input}`);
		await generate(input, rows);
	}
}
const size = statSync(input).size;
console.log(`input ${input} (${mb(size)} MB)`);

const ourRuns = [];
for (let i = 0; i < runs; i++) ourRuns.push(await ours(input));
const best = ourRuns.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const pdRuns = [];
for (let i = 0; i < runs; i++) {
	const p = pandas(input);
	if (p) pdRuns.push(p);
}
const pd = pdRuns.length ? pdRuns.reduce((a, b) => (b.seconds < a.seconds ? b : a)) : null;

const ratio = pd ? best.seconds / pd.seconds : null;
const bestCpu = Math.min(...ourRuns.map((r) => r.cpuSeconds));
const pdCpu = pdRuns.length ? Math.min(...pdRuns.map((r) => r.cpuSeconds)) : null;
const cpuRatio = pdCpu ? bestCpu / pdCpu : null;
const metrics = {
	import_seconds: {
		value: +best.seconds.toFixed(3),
		unit: 's',
		baseline: pd ? +pd.seconds.toFixed(3) : null,
		ratio: ratio ? +ratio.toFixed(2) : null,
		target: 2,
		ok: ratio !== null ? ratio <= 2 : null
	},
	/** CPU seconds (user+system, incl. GC threads): steadier than wall time on a shared 2-core box. */
	import_cpu_seconds: {
		value: +bestCpu.toFixed(3),
		unit: 's',
		baseline: pdCpu ? +pdCpu.toFixed(3) : null,
		ratio: cpuRatio ? +cpuRatio.toFixed(2) : null,
		target: 2,
		ok: cpuRatio !== null ? cpuRatio <= 2 : null
	},
	peak_heap_mb: {
		value: best.peakMb,
		unit: 'MB',
		baseline: null,
		ratio: null,
		target: 500,
		ok: best.peakMb < 500
	},
	rows_per_second: {
		value: Math.round(best.rows / best.seconds),
		unit: 'rows/s',
		baseline: pd ? Math.round(best.rows / pd.seconds) : null,
		ratio: null,
		target: null,
		ok: null
	}
};
console.log('\nmetric              ours        pandas      ratio   target  ok');
for (const [k, m] of Object.entries(metrics))
	console.log(
		`${k.padEnd(19)} ${String(m.value).padEnd(11)} ${String(m.baseline ?? '—').padEnd(11)} ${String(m.ratio ?? '—').padEnd(7)} ${String(m.target ?? '—').padEnd(7)} ${m.ok ?? '—'}`
	);
console.log(
	`\nours: parse ${best.parse.toFixed(2)} s, infer ${best.infer.toFixed(2)} s, build ${best.build.toFixed(2)} s; ${best.rows.toLocaleString('en')} rows, ${best.rejected} rejected; mapping ${JSON.stringify(best.mapping)}`
);
if (pd) console.log(`pandas ${pd.version} (${pd.python}): read_csv + to_datetime ${pd.seconds.toFixed(2)} s`);
else console.log('pandas not found: baseline skipped (Debian: apt-get install python3-pandas)');

mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/import-node.json',
	JSON.stringify(
		{
			name: 'import-node',
			input,
			bytes: size,
			metrics,
			machine: `${cpus().length}× ${cpus()[0]?.model ?? '?'} · node ${process.version}`,
			at: new Date().toISOString()
		},
		null,
		2
	) + '\n'
);
