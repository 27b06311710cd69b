// The peer baseline for the import benchmark: pandas `read_csv` + `to_datetime` on the same file, best of N runs.
import { spawnSync } from 'node:child_process';
import { pythonWithPandas } from './python';

const SCRIPT = `
import sys, time
import pandas as pd
best = None
cpu = None
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    c = time.process_time()
    df = pd.read_csv(sys.argv[1])
    df["date"] = pd.to_datetime(df["date"])
    el = time.perf_counter() - t
    ce = time.process_time() - c
    best = el if best is None else min(best, el)
    cpu = ce if cpu is None else min(cpu, ce)
print(best * 1000, len(df), pd.__version__, cpu * 1000)
`;

export function pandasImport(path: string, runs = 2): { ms: number; cpuMs: number; rows: number; version: string } | null {
	const py = pythonWithPandas();
	if (!py) return null;
	const r = spawnSync(py, ['-c', SCRIPT, path, String(runs)], { encoding: 'utf8' });
	if (r.status !== 0) {
		console.error(r.stderr);
		return null;
	}
	const [ms, rows, version, cpuMs] = r.stdout.trim().split(/\s+/);
	return { ms: Number(ms), cpuMs: Number(cpuMs), rows: Number(rows), version };
}
