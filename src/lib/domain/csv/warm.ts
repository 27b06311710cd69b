// JIT warm-up for a fresh CSV worker: runs the whole import path (parse → profile → mapping → build → chunks)
// on small synthetic files while the user is still choosing theirs, so the first real import runs optimised code.
import { bytesSource, parseSource, type RawColumn, type RawTable } from './parse';
import { profileTable } from './inference';
import { guessKind, guessMapping, toColumnMapping } from './mapping';
import { buildDataset } from './validate';
import { toChunks } from './columnar';
import { rng } from '../random';

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const CHANNELS = ['web', 'app', 'store', 'hotline', '门店', '小程序'];

/**
 * Synthetic exports of the shapes people import: transactions (numeric and text ids, ISO days and
 * timestamps, decimal amounts with returns, channels, a few blanks) and contact logs. Plain ASCII
 * rows first, then rows with Chinese text, so both the byte and the text readers run.
 */
export function warmUpFiles(rows = 4000): { name: string; text: string }[] {
	const r = rng(7);
	const tx: string[] = ['order_id,customer_id,date,amount,quantity,channel'];
	const calls: string[] = ['time,calls,aht'];
	for (let i = 0; i < rows; i++) {
		const day = 1 + Math.floor(r() * 28);
		const month = 1 + Math.floor(r() * 12);
		const amount = (Math.round(Math.exp(2 + 2 * r()) * 100) / 100) * (r() < 0.03 ? -1 : 1);
		const channel = i < rows * 0.8 ? CHANNELS[i % 4] : CHANNELS[i % CHANNELS.length];
		tx.push(
			`SO${pad(i, 7)},${100000 + Math.floor(rows * r() ** 2)},2024-${pad(month, 2)}-${pad(day, 2)},${r() < 0.01 ? '' : amount.toFixed(r() < 0.5 ? 2 : 1)},${1 + Math.floor(r() * 4)},${channel}`
		);
		calls.push(
			`2024-${pad(month, 2)}-${pad(day, 2)} ${pad(Math.floor(r() * 24), 2)}:${pad(Math.floor(r() * 4) * 15, 2)}:00,${Math.floor(r() * 90)},${(120 + r() * 300).toFixed(1)}`
		);
	}
	return [
		{ name: 'warm-transactions.csv', text: tx.join('\n') + '\n' },
		{ name: 'warm-contacts.csv', text: calls.join('\n') + '\n' }
	];
}

/**
 * A parsed transactions table as the reader leaves it (dictionary codes): numeric customer ids,
 * ISO days, decimal amounts with a few returns and (`blanks`) a few missing amounts.
 */
export function syntheticTable(rows: number, blanks = true): RawTable {
	const r = rng(11);
	const ids = Math.max(2, Math.floor(rows / 10));
	const col = (name: string, dict: string[], pick: () => number): RawColumn => {
		const codes = new Int32Array(rows);
		for (let i = 0; i < rows; i++) codes[i] = pick();
		return { name, dict, unique: true, codes };
	};
	const rowNumbers = new Int32Array(rows);
	for (let i = 0; i < rows; i++) rowNumbers[i] = i + 2;
	const days = Array.from({ length: 365 }, (_, d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
	const amounts = Array.from({ length: 2000 }, (_, k) =>
		k % 50 === 0 ? `-${k / 100 + 1}` : String(Math.round(Math.exp(2 + (k / 2000) * 3) * 100) / 100)
	);
	const columns = [
		col('customer_id', ['', ...Array.from({ length: ids }, (_, k) => String(100000 + k))], () => 1 + Math.floor(ids * r() ** 2)),
		col('date', ['', ...days], () => 1 + Math.floor(365 * r())),
		col('amount', ['', ...amounts], () => (blanks && r() < 0.001 ? 0 : 1 + Math.floor(2000 * r())))
	];
	return {
		file: 'warm.csv',
		encoding: { encoding: 'utf-8', bom: false, reason: 'utf8-valid' },
		dialect: { delimiter: ',', newline: '\n', quoteChar: '"' },
		hasHeader: true,
		headers: columns.map((c) => c.name),
		originalHeaders: columns.map((c) => c.name),
		columns,
		rowCount: rows,
		rowNumbers,
		raggedRows: new Int32Array(0),
		malformedRows: new Int32Array(0),
		blankLines: 0,
		badLines: 0,
		bytes: rows * 24,
		issueCounts: {}
	};
}

/**
 * Runs the import path over the synthetic files `rounds` times. `stop()` is asked between slices
 * and between steps: real work arriving ends the warm-up at once. Never throws; returns the
 * number of completed passes.
 */
export async function warmUp(
	stop: () => boolean,
	yieldControl?: () => Promise<void>,
	rounds = 2,
	rows = 4000,
	buildRows = 30_000
): Promise<number> {
	const files = warmUpFiles(rows).map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }));
	let passes = 0;
	try {
		for (let round = 0; round < rounds; round++)
			for (const f of files) {
				if (stop()) return passes;
				// small slices: the slice loop and its hand-offs warm up too, with a chance to stop after each
				const r = await parseSource(bytesSource(f.bytes, f.name), { chunkBytes: 64 * 1024 }, { isCancelled: stop, yieldControl });
				if (!r.data || stop()) return passes;
				const profiles = profileTable(r.data);
				const kind = guessKind(r.data.headers, profiles);
				const mapping = toColumnMapping(guessMapping(kind, r.data.headers, profiles), profiles);
				const built = buildDataset(r.data, mapping);
				if (built.data) toChunks(built.data.data, 4096);
				passes++;
				if (yieldControl) await yieldControl();
			}
		// the build's long loops (row fates, amounts, duplicates, chunks) on a table of the usual
		// shape and a realistic length, made directly (no text to parse)
		for (let round = 0; round < rounds; round++) {
			if (stop()) return passes;
			// clean first (every row accepted: the paths a tidy export takes), then with blanks
			const t = syntheticTable(buildRows, round > 0);
			const built = buildDataset(t, { kind: 'transactions', fields: { customerId: 'customer_id', date: 'date', amount: 'amount' } });
			if (built.data) toChunks(built.data.data);
			passes++;
			if (yieldControl) await yieldControl();
		}
	} catch {
		// a warm-up is only an optimisation
	}
	return passes;
}
