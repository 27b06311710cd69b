// Runs R forecast::ets on the same series as our benchmark (if Rscript with forecast is installed) and times the fitting only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSeries } from './forecast-data';

export function hasRForecast(): boolean {
	const r = spawnSync('Rscript', ['-e', 'suppressMessages(library(forecast)); cat(as.character(packageVersion("forecast")))'], {
		encoding: 'utf8'
	});
	return r.status === 0 && /\d/.test(r.stdout);
}

export interface RRun {
	version: string;
	/** seconds spent inside ets() over all series */
	fitSeconds: number;
	/** forecasts per series id */
	forecasts: Map<string, number[]>;
}

/** Fit ets() per series single-threaded; returns the fitting time (proc.time around ets only) and the forecasts. */
export function runREts(series: BenchSeries[], m: number, h: number): RRun {
	const dir = mkdtempSync(join(tmpdir(), 'fc-r-'));
	const inp = join(dir, 'in.csv');
	const out = join(dir, 'out.csv');
	writeFileSync(inp, 'id,value\n' + series.flatMap((s) => s.train.map((v) => `${s.id},${v}`)).join('\n') + '\n');
	const script = `
suppressMessages(library(forecast))
d <- read.csv("${inp}", stringsAsFactors = FALSE)
ids <- unique(d$id)
fit.time <- 0
res <- vector("list", length(ids))
for (k in seq_along(ids)) {
  y <- ts(d$value[d$id == ids[k]], frequency = ${m})
  t0 <- proc.time()[["elapsed"]]
  f <- ets(y)
  fit.time <- fit.time + proc.time()[["elapsed"]] - t0
  fc <- forecast(f, h = ${h})
  res[[k]] <- data.frame(id = ids[k], h = seq_len(${h}), mean = as.numeric(fc$mean))
}
write.csv(do.call(rbind, res), "${out}", row.names = FALSE)
cat(sprintf("%s %.4f\\n", as.character(packageVersion("forecast")), fit.time))
`;
	const stdout = execFileSync('Rscript', ['-e', script], {
		encoding: 'utf8',
		maxBuffer: 1 << 26,
		env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' }
	});
	const [version, secs] = stdout.trim().split(/\s+/).slice(-2);
	const forecasts = new Map<string, number[]>();
	for (const l of readFileSync(out, 'utf8').split('\n').slice(1)) {
		if (!l) continue;
		const [id, , mean] = l.split(',');
		const key = id.replace(/"/g, '');
		const arr = forecasts.get(key) ?? [];
		arr.push(Number(mean));
		forecasts.set(key, arr);
	}
	return { version, fitSeconds: Number(secs), forecasts };
}
