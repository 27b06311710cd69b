// The stored schema: table names, index specs per Dexie version, and the data schemaVersion this code writes.
/**
 * The data schema version this build writes into `meta.schemaVersion`. Raise it with every
 * `version()` that changes what records mean; data newer than this opens read-only.
 */
export const CODE_SCHEMA_VERSION = 1;

export const DB_NAME = 'cx-studio';

/** Workspace-scoped tables: every record has `workspaceId`; backup, duplicate and delete walk these. */
export const WORKSPACE_TABLES = [
	'journeys',
	'cards',
	'templates',
	'touchpoints',
	'channels',
	'personas',
	'personaFields',
	'blobs',
	'datasets',
	'chunks',
	'mappings',
	'analyses',
	'calendars'
] as const;
export type WorkspaceTable = (typeof WORKSPACE_TABLES)[number];

/** Every Dexie version ever shipped. Never edit or delete an entry: append. */
export const VERSIONS: { version: number; stores: Record<string, string | null> }[] = [
	{
		version: 1,
		stores: {
			meta: 'key',
			workspaces: 'id, updatedAt, deletedAt',
			journeys: 'id, workspaceId, updatedAt',
			cards: 'id, workspaceId, journeyId',
			templates: 'id, workspaceId',
			touchpoints: 'id, workspaceId',
			channels: 'id, workspaceId',
			personas: 'id, workspaceId',
			personaFields: 'id, workspaceId',
			blobs: 'id, workspaceId',
			datasets: 'id, workspaceId',
			chunks: 'id, workspaceId, datasetId',
			mappings: 'id, workspaceId',
			analyses: 'id, workspaceId, datasetId',
			calendars: 'id, workspaceId'
		}
	}
];
