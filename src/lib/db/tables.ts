// Which schema each workspace-scoped table's records must pass on read and on restore (one line per table; areas own their line).
import { ScopedRecordSchema, type TableSchemas } from '$lib/domain/backup/backup';
import { JourneySchema } from '$lib/domain/journey/journey.schema';
import { CardSchema } from '$lib/domain/journey/card.schema';
import { JourneyTemplateRecordSchema } from '$lib/domain/journey/template.schema';
import { TouchpointSchema } from '$lib/domain/touchpoint/touchpoint.schema';
import { CustomChannelSchema } from '$lib/domain/touchpoint/channels';
import { PersonaSchema } from '$lib/domain/persona/persona.schema';
import { PersonaFieldDefSchema } from '$lib/domain/persona/field-def.schema';
import { DatasetSchema } from '$lib/domain/dataset/dataset';
import { ColumnChunkSchema } from '$lib/domain/dataset/column-chunk';
import { SavedMappingSchemaV1 } from '$lib/domain/dataset/saved-mapping';
import { AnalysisSchema } from '$lib/domain/analytics/analysis.schema';
import { CalendarSchema } from '$lib/domain/analytics/calendar.schema';
import type { WorkspaceTable } from './schema';

export const TABLE_SCHEMAS: TableSchemas & Record<WorkspaceTable, TableSchemas[string]> = {
	journeys: JourneySchema,
	cards: CardSchema,
	templates: JourneyTemplateRecordSchema,
	touchpoints: TouchpointSchema,
	channels: CustomChannelSchema,
	personas: PersonaSchema,
	personaFields: PersonaFieldDefSchema,
	blobs: ScopedRecordSchema,
	datasets: DatasetSchema,
	chunks: ColumnChunkSchema,
	mappings: SavedMappingSchemaV1,
	analyses: AnalysisSchema,
	calendars: CalendarSchema
};
