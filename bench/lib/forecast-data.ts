// Loaders for the forecasting benchmark: M3 (long CSV), M4 wide CSVs, the fpp2 5-minute calls and user long CSVs.
import { readFileSync } from 'node:fs';

export interface BenchSeries {
	id: string;
	train: number[];
	test: number[];
	/** ISO timestamps of the training points when the input had dates */
	times?: string[];
}

export const DATA_DIR = process.env.FORECAST_DATA ?? '/work/shared/forecast-data';

function lines(path: string): string[] {
	return readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.filter((l) => l.length > 0);
}

/** M3 series of one category (e.g. MONTHLY) with their train/test split. */
export function loadM3(category: string, path = `${DATA_DIR}/m3.csv`): BenchSeries[] {
	const map = new Map<string, BenchSeries>();
	const ls = lines(path);
	const head = ls[0].split(',');
	const ci = (k: string): number => head.indexOf(k);
	const [iId, iCat, iSplit, iT, iV] = [ci('series_id'), ci('category'), ci('split'), ci('t'), ci('value')];
	for (let i = 1; i < ls.length; i++) {
		const c = ls[i].split(',');
		if (c[iCat] !== category) continue;
		let s = map.get(c[iId]);
		if (!s) {
			s = { id: c[iId], train: [], test: [] };
			map.set(c[iId], s);
		}
		void iT;
		(c[iSplit] === 'train' ? s.train : s.test).push(Number(c[iV]));
	}
	return [...map.values()];
}

/** M4 wide format: "V1" id then values, blank cells after the series ends. */
export function loadM4(trainPath: string, testPath: string): BenchSeries[] {
	const parse = (p: string): Map<string, number[]> => {
		const out = new Map<string, number[]>();
		const ls = lines(p);
		for (let i = 1; i < ls.length; i++) {
			const c = ls[i].split(',').map((x) => x.replace(/"/g, ''));
			const vals: number[] = [];
			for (let j = 1; j < c.length; j++) if (c[j] !== '' && c[j] !== 'NA') vals.push(Number(c[j]));
			out.set(c[0], vals);
		}
		return out;
	};
	const tr = parse(trainPath);
	const te = parse(testPath);
	return [...tr.entries()].map(([id, train]) => ({
		id,
		train,
		test: te.get(id) ?? []
	}));
}

/** fpp2 calls: one long series of 5-minute weekday intervals (169 a day); the last `holdDays` days are the test. */
export function loadCalls(holdDays = 20, path = `${DATA_DIR}/fpp2_calls_5min.csv`): { series: BenchSeries; perDay: number } {
	const ls = lines(path);
	const vals: number[] = [];
	const times: string[] = [];
	for (let i = 1; i < ls.length; i++) {
		const c = ls[i].split(',');
		vals.push(Number(c[4]));
		times.push(`${c[0]}T${c[3]}`);
	}
	const perDay = 169;
	const cut = vals.length - holdDays * perDay;
	return {
		series: {
			id: 'calls',
			train: vals.slice(0, cut),
			test: vals.slice(cut),
			times: times.slice(0, cut)
		},
		perDay
	};
}

/** User input: long CSV series_id,t,value (t an index or ISO date/datetime), sorted by t within each series. */
export function loadLong(path: string): BenchSeries[] {
	const ls = lines(path);
	const head = ls[0].split(',').map((h) => h.trim().toLowerCase());
	const [iId, iT, iV] = [head.indexOf('series_id'), head.indexOf('t'), head.indexOf('value')];
	if (iId < 0 || iT < 0 || iV < 0) throw new Error('input needs columns series_id,t,value');
	const map = new Map<string, { t: string; v: number }[]>();
	for (let i = 1; i < ls.length; i++) {
		const c = ls[i].split(',');
		const arr = map.get(c[iId]) ?? [];
		const v = c[iV] === '' || c[iV] === 'NA' ? NaN : Number(c[iV]);
		arr.push({ t: c[iT], v });
		map.set(c[iId], arr);
	}
	const key = (t: string): number => (/^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Date.parse(t));
	return [...map.entries()].map(([id, arr]) => {
		arr.sort((a, b) => key(a.t) - key(b.t));
		return {
			id,
			train: arr.map((x) => x.v),
			test: [],
			times: arr.map((x) => x.t)
		};
	});
}
