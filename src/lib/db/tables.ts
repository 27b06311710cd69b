// Which schema each workspace-scoped table's records must pass on restore (areas replace the default as they land).
import { ScopedRecordSchema, type TableSchemas } from '$lib/domain/backup/backup';
import { WORKSPACE_TABLES } from './schema';

export const TABLE_SCHEMAS: TableSchemas = Object.fromEntries(WORKSPACE_TABLES.map((t) => [t, ScopedRecordSchema]));
