// Typed messages of the CSV import worker: requests with ids, progress (rows/bytes/ETA), results `{ok:true,value}` or `{ok:false,code}`.
export type {
	CsvRequest,
	CsvResponse,
	CsvProgress,
	CsvDone,
	CsvResults,
	ParseOverrides,
	SniffSummary,
	ParseSummary,
	BuildSummary,
	ExportInput
} from '$lib/domain/csv/session';
export type { ImportIssue, ImportErrorCode } from '$lib/domain/csv/issues';
export type { ParseProgress } from '$lib/domain/csv/parse';
export type { QualityReport } from '$lib/domain/csv/validate';

import type { CsvDone, CsvProgress, CsvRequest, CsvResponse, CsvResults } from '$lib/domain/csv/session';

/** A request without its id (the client assigns ids). */
export type CsvRequestBody = CsvRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function isProgress(m: CsvResponse): m is CsvProgress {
	return m.type === 'progress';
}

export function isResult<K extends keyof CsvResults>(m: CsvResponse, request: K): m is CsvDone<K> {
	return m.type === 'result' && m.request === request;
}
