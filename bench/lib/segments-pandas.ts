// pandas baseline for the segments bench: same RFM + tiers + matrix task on the same generated CSV, compute time only.
import { execFileSync } from 'node:child_process';
import { pythonWithPandas } from './python';

export function hasPandas(): boolean {
	return pythonWithPandas() !== null;
}

// Loading and date parsing are outside the timer (our side also starts from parsed columns).
const SCRIPT = String.raw`
import sys, time, json
import numpy as np, pandas as pd
df = pd.read_csv(sys.argv[1], dtype={'customer_id': str})
df['date'] = pd.to_datetime(df['date'], format='%Y-%m-%d')
best = None
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    asof = df['date'].max() + pd.Timedelta(days=1)
    g = df.groupby('customer_id').agg(last=('date', 'max'), frequency=('date', 'size'), monetary=('amount', 'sum'))
    g['recency'] = (asof - g['last']).dt.days
    g['r'] = pd.qcut(g['recency'].rank(method='first', ascending=False), 5, labels=False) + 1
    g['f'] = pd.qcut(g['frequency'].rank(method='first'), 5, labels=False) + 1
    g['m'] = pd.qcut(g['monetary'].rank(method='first'), 5, labels=False) + 1
    g['cell'] = g['r'] * 100 + g['f'] * 10 + g['m']
    s = g['monetary'].clip(lower=0).sort_values(ascending=False)
    before = (s.cumsum() - s) / s.sum()
    g['tier'] = pd.Series(np.searchsorted([0.8, 0.95], before.values, side='right'), index=s.index)
    aov = g['monetary'] / g['frequency']
    g['quad'] = (g['frequency'] >= g['frequency'].median()).astype(int) * 2 + (aov >= aov.median()).astype(int)
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
print(json.dumps({'seconds': best, 'customers': int(len(g))}))
`;

export function runPandas(csvPath: string, repeats: number): { seconds: number; customers: number } {
	const out = execFileSync(pythonWithPandas() ?? 'python3', ['-c', SCRIPT, csvPath, String(repeats)], {
		encoding: 'utf8',
		maxBuffer: 1 << 20
	});
	return JSON.parse(out.trim().split('\n').at(-1)!);
}
