// Personas in storage: list, get, put, delete personas and the workspace's custom field definitions (validated on read).
import type { Persona } from '$lib/domain/persona/persona.schema';
import type { PersonaFieldDef } from '$lib/domain/persona/field-def.schema';
import type { CxDatabase } from '../db';
import { getRecord, listRecords } from './records';

export const listPersonas = (db: CxDatabase, workspaceId: string) => listRecords<Persona>(db, 'personas', workspaceId);
export const getPersona = (db: CxDatabase, id: string) => getRecord<Persona>(db, 'personas', id);
export async function putPersonas(db: CxDatabase, ps: Persona[]): Promise<void> {
	await db.personas.bulkPut(ps);
}
export async function deletePersonas(db: CxDatabase, ids: string[]): Promise<void> {
	await db.personas.bulkDelete(ids);
}
export const listPersonaFields = (db: CxDatabase, workspaceId: string) => listRecords<PersonaFieldDef>(db, 'personaFields', workspaceId);
export async function putPersonaFields(db: CxDatabase, defs: PersonaFieldDef[]): Promise<void> {
	await db.personaFields.bulkPut(defs);
}
