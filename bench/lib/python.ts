// Finds a Python interpreter that has pandas (the pyenv shim on PATH may lack it; Debian's python3-pandas lives in /usr/bin/python3).
import { spawnSync } from 'node:child_process';

let cached: string | null | undefined;

export function pythonWithPandas(): string | null {
	if (cached !== undefined) return cached;
	for (const exe of [process.env.PYTHON ?? '', 'python3', '/usr/bin/python3'].filter(Boolean)) {
		const r = spawnSync(exe, ['-c', 'import pandas'], { stdio: 'ignore' });
		if (r.status === 0) return (cached = exe);
	}
	return (cached = null);
}
