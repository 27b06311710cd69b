// Coded map-file import errors → one translated sentence saying what is wrong and where.
import type { JourneyImportCode } from '$lib/domain/journey';
import type { Err } from '$lib/domain/errors';
import type { Translate } from '$lib/i18n';

export function importErrorText(e: Err<JourneyImportCode>, t: Translate): string {
	const d = (e.detail ?? {}) as Record<string, unknown>;
	const index = typeof d.index === 'number' ? d.index + 1 : null;
	switch (e.code) {
		case 'not-json':
			return t('journey.error.not-json');
		case 'wrong-format':
			return t('journey.error.wrong-format');
		case 'newer-version':
			return t('journey.error.newer-version', { fileVersion: String(d.fileVersion ?? '?') });
		case 'invalid-record': {
			const record =
				d.record === 'journey'
					? t('journey.export.recordJourney')
					: index !== null
						? t('journey.export.recordCard', { index })
						: t('journey.export.recordCards');
			const path = typeof d.path === 'string' && d.path ? d.path : '—';
			return t('journey.error.invalid-record', { record, path });
		}
		case 'dangling-reference':
			return t('journey.error.dangling-reference', { index: index ?? '?' });
	}
}
