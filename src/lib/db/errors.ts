// Classifies storage failures by name / inner.name (QuotaExceededError arrives wrapped in an AbortError).
export type StorageErrorCode = 'quota' | 'read-only' | 'closed' | 'version-change' | 'unknown';

export class ReadOnlyError extends Error {
	override name = 'ReadOnlyError';
	constructor() {
		super('The database holds data from a newer version; writes are refused.');
	}
}

function names(e: unknown): string[] {
	const out: string[] = [];
	let cur: unknown = e;
	for (let depth = 0; cur && depth < 5; depth++) {
		const o = cur as { name?: unknown; inner?: unknown; cause?: unknown; error?: unknown };
		if (typeof o.name === 'string') out.push(o.name);
		cur = o.inner ?? o.cause ?? o.error;
	}
	return out;
}

export function classifyStorageError(e: unknown): StorageErrorCode {
	const n = names(e);
	if (n.includes('QuotaExceededError')) return 'quota';
	if (n.includes('ReadOnlyError')) return 'read-only';
	if (n.includes('DatabaseClosedError')) return 'closed';
	if (n.includes('VersionChangeError')) return 'version-change';
	const msg = String((e as { message?: unknown })?.message ?? '');
	if (/quota/i.test(msg)) return 'quota';
	return 'unknown';
}
