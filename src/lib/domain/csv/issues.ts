// Import issue codes and the {errors, data} result shape every CSV importer returns instead of throwing.

/** Every code the import engine can report; each has a message `import.error.<code>` in both locales. */
export const IMPORT_ERROR_CODES = [
	// whole-file problems (fatal: data is null)
	'empty-file',
	'xlsx-not-csv',
	'binary-file',
	'decode-failed',
	'no-data-rows',
	'read-failed',
	'cancelled',
	'no-session',
	'mapping-incomplete',
	'mapping-unknown-column',
	'internal-error',
	// warnings about the file
	'encoding-fallback',
	'nul-bytes-removed',
	'header-only',
	'duplicate-header',
	'blank-header',
	'date-format-ambiguous',
	'mixed-date-formats',
	// row-level problems
	'ragged-row',
	'unterminated-quote',
	'malformed-quote',
	'missing-value',
	'bad-number',
	'bad-date',
	'duplicate-row',
	'return-row'
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export type Severity = 'fatal' | 'error' | 'warning';

/**
 * One problem. `row` is 1-based as a spreadsheet shows it: the header is row 1 and a quoted field
 * with newlines stays one row. `column` is the column's (deduplicated) header name.
 */
export interface ImportIssue {
	code: ImportErrorCode;
	severity: Severity;
	file?: string;
	row?: number;
	column?: string;
	value?: string;
	detail?: Record<string, string | number | boolean>;
}

/** Importers return both: data may be partial (rows rejected) or null (fatal). Never thrown. */
export interface ImportResult<T> {
	errors: ImportIssue[];
	data: T | null;
}

export function issue(code: ImportErrorCode, severity: Severity, at: Omit<ImportIssue, 'code' | 'severity'> = {}): ImportIssue {
	return { code, severity, ...at };
}

export function fatal<T>(code: ImportErrorCode, at: Omit<ImportIssue, 'code' | 'severity'> = {}): ImportResult<T> {
	return { errors: [issue(code, 'fatal', at)], data: null };
}

export const hasFatal = (errors: readonly ImportIssue[]): boolean => errors.some((e) => e.severity === 'fatal');
