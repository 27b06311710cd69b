// Turns an import issue (engine code + file/row/column/value/detail) into its translated sentence.
import type { ImportIssue } from '$lib/domain/csv/issues';
import type { MessageKey, Translate } from '$lib/i18n';

/** Every placeholder any `import.error.*` message uses, so a missing one never breaks formatting. */
const DEFAULTS = {
	file: '',
	row: '',
	column: '',
	value: '',
	encoding: '',
	count: 0,
	index: '',
	renamed: '',
	found: '',
	expected: '',
	field: '',
	message: ''
};

export function fieldLabel(t: Translate, key: string): string {
	return key.startsWith('attr:') ? key.slice(5) : t(`import.field.${key}` as MessageKey);
}

export function issueText(t: Translate, i: ImportIssue, file?: string): string {
	const d = i.detail ?? {};
	if (typeof d.total === 'number' && i.row === undefined)
		return t('import.ui.issueTotal', { count: d.total, code: t(`import.ui.code.${i.code}` as MessageKey) });
	const values: Record<string, string | number> = { ...DEFAULTS };
	for (const [k, v] of Object.entries(d)) values[k] = typeof v === 'boolean' ? String(v) : v;
	if (i.file ?? file) values.file = i.file ?? file ?? '';
	if (i.row !== undefined) values.row = i.row;
	if (i.column !== undefined) values.column = i.column;
	if (i.value !== undefined) values.value = i.value;
	if (typeof d.encoding === 'string') values.encoding = t(`import.encoding.${d.encoding}` as MessageKey);
	if (typeof d.field === 'string') values.field = fieldLabel(t, d.field);
	return t(`import.error.${i.code}` as MessageKey, values);
}
