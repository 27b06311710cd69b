// The import benchmark's input: a 1,000,000-row transactions CSV (customer_id,date,amount) from a fixed seed, identical on every machine.
import { createWriteStream } from 'node:fs';

import { rng } from '../../src/lib/domain/random';

export { rng };

/** Customers follow a skewed (Pareto-like) purchase frequency over two years of days; amounts are log-normal-ish with cents. */
export async function generateTransactions(path: string, rows: number, seed = 20240607): Promise<void> {
	const rand = rng(seed);
	const out = createWriteStream(path);
	const start = Date.UTC(2023, 0, 1);
	const customers = Math.max(10, Math.floor(rows / 10));
	let buf = 'customer_id,date,amount\n';
	for (let i = 0; i < rows; i++) {
		const customer = 100000 + Math.floor(customers * Math.pow(rand(), 1.8));
		const day = new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
		const amount = (Math.round(Math.exp(2.5 + 1.2 * rand()) * 100) / 100).toFixed(2);
		buf += `${customer},${day},${amount}\n`;
		if (buf.length > 1 << 20) {
			if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
			buf = '';
		}
	}
	out.write(buf);
	await new Promise((r) => out.end(r));
}
