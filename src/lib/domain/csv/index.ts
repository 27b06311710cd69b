// Public API of the CSV import engine (pure TS: runs in the csv worker, in Node tests and benches).
export { IMPORT_ERROR_CODES, hasFatal } from './issues';
export type { ImportErrorCode, ImportIssue, ImportResult, Severity } from './issues';
export { CSV_ENCODINGS, decodeBytes, guessEncoding } from './decode';
export type { CsvEncoding, EncodingGuess } from './decode';
export { DELIMITERS } from './sniff';
export type { Delimiter, Dialect } from './sniff';
export { blobSource, bytesSource, parseSource, parseText, prepareSource, rawCell } from './parse';
export type {
	ByteSource,
	ParseHooks,
	ParseOptions,
	ParseProgress,
	RawColumn,
	RawTable
} from './parse';
export { DATE_FORMATS, detectDateFormat, formatDate, parseDate } from './dates';
export type { DateDetection, DateFormat } from './dates';
export { detectDecimalMark, parseNumber } from './numbers';
export type { DecimalMark } from './numbers';
export { profileColumn, profileTable } from './inference';
export type { ColumnProfile, ColumnType } from './inference';
export { guessKind, guessMapping, toColumnMapping } from './mapping';
export type { MappingGuess } from './mapping';
export { buildDataset, outlierSummary, periodStart } from './validate';
export type {
	BuildOptions,
	BuiltDataset,
	OutlierMethod,
	QualityReport,
	Rejection
} from './validate';
export { fromChunks, toChunks } from './columnar';
export type { ChunkPayload, Column, DateColumn, NumberColumn, StringColumn } from './columnar';
export { afterRoundTrip, columnsToCsv, encodeUtf8, FORMULA_ESCAPE, toCsv } from './export';
export {
	CsvImportSession,
	CsvWorkerHost,
	dispatchCsvRequest,
	toChunkRecords,
	toDatasetRecord
} from './session';
export type {
	BuildSummary,
	CsvRequest,
	CsvResponse,
	ExportInput,
	ParseOverrides,
	ParseSummary,
	SniffSummary
} from './session';
