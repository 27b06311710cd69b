// Bench helpers for segments: seeded 1M-transaction generator, file readers, CSV writer for the pandas baseline.
import { readFileSync } from 'node:fs';
import type { TransactionColumns } from '../../src/lib/domain/analytics/shared/transactions';
import { formatIsoDay, parseIsoDay } from '../../src/lib/domain/analytics/shared/transactions';
import { readCdnow, readTransactionsCsv, type TextReadResult } from '../../src/lib/domain/analytics/shared/text-input';

import { rng } from '../../src/lib/domain/random';

export { rng };

/**
 * `n` transactions over two years for ~n/10 customers with skewed activity (a few heavy buyers,
 * many one-offs) and log-normal order values: shaped like retail data so ties and tails are realistic.
 */
export function generateTransactions(n: number, seed = 20240607): TransactionColumns {
	const rand = rng(seed);
	const customers = Math.max(1, Math.round(n / 10));
	const customerIds = Array.from({ length: customers }, (_, i) => String(100000 + i));
	const start = parseIsoDay('2022-01-01');
	const span = 730;
	const customer = new Int32Array(n);
	const days = new Float64Array(n);
	const amounts = new Float64Array(n);
	// Activity weight ~ Pareto: pick a customer by inverse-CDF on a power law over the index.
	const firstDay = new Float64Array(customers);
	for (let c = 0; c < customers; c++) firstDay[c] = Math.floor(rand() * span);
	for (let i = 0; i < n; i++) {
		const c = Math.min(customers - 1, Math.floor(customers * Math.pow(rand(), 1.8)));
		customer[i] = c;
		const f = firstDay[c];
		days[i] = start + f + Math.floor(rand() * (span - f));
		// Box-Muller log-normal, median ≈ 40, rounded to cents
		const u = rand() || 1e-12;
		const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
		amounts[i] = Math.round(Math.exp(3.7 + 0.8 * z) * 100) / 100;
	}
	return { customerIds, customer, days, amounts };
}

/** customer_id,date,amount CSV of the generated data (for pandas). */
export function toCsv(tx: TransactionColumns): string {
	const parts: string[] = ['customer_id,date,amount'];
	for (let i = 0; i < tx.customer.length; i++) parts.push(`${tx.customerIds[tx.customer[i]]},${formatIsoDay(tx.days[i])},${tx.amounts[i]}`);
	return parts.join('\n') + '\n';
}

/** Reads either layout: a CSV with a header containing a comma, or the whitespace CDNOW layout. */
export function readInput(path: string): TextReadResult {
	const text = readFileSync(path, 'utf8');
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
	return firstLine.includes(',') ? readTransactionsCsv(text) : readCdnow(text);
}
