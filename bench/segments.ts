// Segments benchmark: RFM + tiers + value matrix on 1M generated transactions (vs pandas, same run) and BG/NBD + Gamma-Gamma on CDNOW_master.
// Usage: npm run bench:segments [-- --input FILE --as-of YYYY-MM-DD --scoring rfm_r|quintile --rules 0.3|0.2 --out customers.csv]
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	parseIsoDay,
	summarizeCustomers,
	lastTransactionDay,
	type TransactionColumns
} from '../src/lib/domain/analytics/shared/transactions';
import { readCdnow } from '../src/lib/domain/analytics/shared/text-input';
import { rfmFromSummary, type RfmScoring } from '../src/lib/domain/analytics/rfm/rfm';
import { BUILTIN_RULE_TABLES, assignSegments, summarizeSegments } from '../src/lib/domain/analytics/rfm/segments';
import { ABC, assignTiers, paretoStats, tierTable } from '../src/lib/domain/analytics/pareto/pareto';
import { marcusMatrix } from '../src/lib/domain/analytics/valuematrix/valuematrix';
import { rfSummary } from '../src/lib/domain/analytics/clv/summary';
import { fitBgNbd } from '../src/lib/domain/analytics/clv/bgnbd';
import { fitGammaGamma } from '../src/lib/domain/analytics/clv/gammagamma';
import { runSegmentation } from '../src/lib/domain/analytics/shared/segmentation';
import { customersToCsv } from '../src/lib/domain/analytics/shared/customers-csv';
import { generateTransactions, readInput, toCsv } from './lib/segments-data';
import { hasPandas, runPandas } from './lib/segments-pandas';
import { BenchReport } from './lib/report';

const args = process.argv.slice(2);
const arg = (k: string): string | undefined => {
	const i = args.indexOf(`--${k}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const report = new BenchReport('segments');
const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const record = report.record.bind(report);

/** The timed task, mirroring the pandas script: aggregate, RFM scores + cells, segments, ABC tiers, Pareto, F × AOV matrix. */
function rfmTiersMatrix(tx: TransactionColumns, scoring: RfmScoring): number {
	const summary = summarizeCustomers(tx);
	const rfm = rfmFromSummary(summary, { analysisDay: lastTransactionDay(tx) + 1, scoring });
	const seg = assignSegments(rfm, BUILTIN_RULE_TABLES['0.3']);
	summarizeSegments(rfm, seg);
	const tiers = assignTiers(summary.total, ABC);
	tierTable(summary.total, tiers);
	paretoStats(summary.total);
	const aov = new Float64Array(summary.count.length);
	for (let c = 0; c < aov.length; c++) aov[c] = summary.total[c] / summary.count[c];
	marcusMatrix(summary.count, aov);
	return summary.customerIds.length;
}

function bestOf(repeats: number, f: () => void): number {
	let best = Infinity;
	for (let i = 0; i < repeats; i++) {
		const t0 = performance.now();
		f();
		best = Math.min(best, performance.now() - t0);
	}
	return best / 1000;
}

function runOnInput(path: string): void {
	const t0 = performance.now();
	const { tx, skipped } = readInput(path);
	const readS = (performance.now() - t0) / 1000;
	console.log(
		`read ${tx.customer.length} transactions, ${tx.customerIds.length} customers in ${readS.toFixed(2)} s (${skipped.length} rows skipped)`
	);
	const asOf = arg('as-of');
	const scoring = (arg('scoring') ?? 'rfm_r') as RfmScoring;
	const rules = (arg('rules') ?? '0.3') as '0.3' | '0.2';
	const t1 = performance.now();
	const res = runSegmentation(tx, { analysisDay: asOf ? parseIsoDay(asOf) : undefined, scoring, rules });
	const seconds = (performance.now() - t1) / 1000;
	console.log(`runSegmentation (RFM ${scoring}, rules ${rules}, tiers, matrix, CLV): ${seconds.toFixed(2)} s`);
	if (res.clvError) console.log(`CLV unavailable: ${res.clvError}`);
	if (res.clv) {
		const p = res.clv.bgnbd.params;
		console.log(
			`BG/NBD r=${p.r.toFixed(4)} α=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} LL=${res.clv.bgnbd.logLikelihood.toFixed(2)}`
		);
	}
	console.table(res.segments.map((s) => ({ ...s, aov: round(s.aov) })));
	console.table(res.tiers);
	record('input_segmentation_s', seconds, 's', null, '-', true, path);
	const out = arg('out');
	if (out) {
		writeFileSync(out, customersToCsv(res.rows, 'en'));
		console.log(`wrote ${res.rows.length} customers to ${out}`);
	}
}

function runDefault(): void {
	const n = 1_000_000;
	let t0 = performance.now();
	const tx = generateTransactions(n);
	console.log(`generated ${n} transactions in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
	rfmTiersMatrix(tx, 'quintile'); // warm-up (JIT)
	const quint = bestOf(3, () => rfmTiersMatrix(tx, 'quintile'));
	const rStyle = bestOf(3, () => rfmTiersMatrix(tx, 'rfm_r'));
	let pandas: number | null = null;
	if (hasPandas()) {
		const file = join(tmpdir(), `segments-bench-${process.pid}.csv`);
		writeFileSync(file, toCsv(tx));
		try {
			pandas = runPandas(file, 3).seconds;
		} finally {
			rmSync(file, { force: true });
		}
	} else console.log('pandas not available: no baseline for RFM + tiers');
	const note = pandas === null ? 'pandas not available' : undefined;
	record('rfm_tiers_matrix_1M_quintile_s', quint, 's', pandas, '<= pandas', pandas !== null && quint <= pandas, note);
	record('rfm_tiers_matrix_1M_rfm_r_s', rStyle, 's', pandas, '<= pandas', pandas !== null && rStyle <= pandas, note);

	const master = '/work/shared/segmentation-data/cdnow/CDNOW_master.txt';
	if (!existsSync(master)) {
		console.log(`${master} absent: skipping the BG/NBD fit`);
	} else {
		const { tx: cd } = readCdnow(readFileSync(master, 'utf8'));
		t0 = performance.now();
		const summary = rfSummary(cd, { endDay: parseIsoDay('1997-09-30'), unit: 'weeks' });
		const summaryS = (performance.now() - t0) / 1000;
		t0 = performance.now();
		const bg = fitBgNbd(summary);
		const fitS = (performance.now() - t0) / 1000;
		t0 = performance.now();
		const gg = fitGammaGamma(summary.x, summary.mean);
		const ggS = (performance.now() - t0) / 1000;
		const p = bg.params;
		console.log(
			`CDNOW master: ${summary.x.length} customers; BG/NBD r=${p.r.toFixed(4)} α=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} LL=${bg.logLikelihood.toFixed(2)}; Gamma-Gamma p=${gg.params.p.toFixed(3)} q=${gg.params.q.toFixed(3)} γ=${gg.params.gamma.toFixed(3)} (n=${gg.n})`
		);
		record('cdnow_summary_s', summaryS, 's', null, '-', true);
		record('bgnbd_fit_23570_s', fitS, 's', null, '< 1', fitS < 1);
		record('gammagamma_fit_s', ggS, 's', null, '-', true);
	}
}

if (arg('input')) runOnInput(arg('input')!);
else runDefault();
report.printTable();
report.write();
