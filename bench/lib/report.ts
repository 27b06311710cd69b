// The benchmark report every bench prints and saves: metric rows (ours, peer baseline from the same run, ratio, target, ok)
// as a table on stdout and as bench/results/NAME.json, merged with the previous run so partial runs keep earlier figures.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';

export interface Metric {
	value: number;
	unit: string;
	baseline: number | null;
	ratio: number | null;
	target: string;
	ok: boolean;
	note?: string;
}

const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(3));

export class BenchReport {
	readonly metrics: Record<string, Metric> = {};
	readonly #rows: string[][] = [];
	readonly #name: string;
	readonly #digits: number;

	constructor(name: string, digits = 4) {
		this.#name = name;
		this.#digits = digits;
	}

	#round(x: number): number {
		const k = 10 ** this.#digits;
		return Math.round(x * k) / k;
	}

	record(name: string, value: number, unit: string, baseline: number | null, target: string, ok: boolean, note?: string): void {
		const ratio = baseline !== null && baseline !== 0 ? value / baseline : null;
		this.metrics[name] = {
			value: this.#round(value),
			unit,
			baseline: baseline === null ? null : this.#round(baseline),
			ratio: ratio === null ? null : this.#round(ratio),
			target,
			ok,
			...(note ? { note } : {})
		};
		this.#rows.push([
			name,
			fmt(value),
			baseline === null ? '-' : fmt(baseline),
			ratio === null ? '-' : fmt(ratio),
			target,
			ok ? 'ok' : 'NO'
		]);
	}

	printTable(): void {
		const head = ['metric', 'ours', 'baseline', 'ratio', 'target', 'ok'];
		const all = [head, ...this.#rows];
		const w = head.map((_, j) => Math.max(...all.map((r) => r[j].length)));
		for (const r of all) console.log(r.map((c, j) => c.padEnd(w[j])).join('  '));
	}

	write(extra: Record<string, unknown> = {}): string {
		mkdirSync('bench/results', { recursive: true });
		const path = `bench/results/${this.#name}.json`;
		let prev: Record<string, Metric> = {};
		if (existsSync(path)) {
			try {
				prev = JSON.parse(readFileSync(path, 'utf8')).metrics ?? {};
			} catch {
				prev = {};
			}
		}
		const out = {
			name: this.#name,
			metrics: { ...prev, ...this.metrics },
			machine: `${hostname()} ${cpus()[0]?.model ?? ''} ×${cpus().length}, node ${process.version}`,
			at: new Date().toISOString(),
			...extra
		};
		writeFileSync(path, JSON.stringify(out, null, 2) + '\n');
		return path;
	}
}
