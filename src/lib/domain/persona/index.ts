// Public API of the persona domain: records, custom fields, edits, segment pre-fill, avatar, files.
export * from './persona.schema';
export * from './field-def.schema';
export * from './persona';
export * from './from-segment';
export * from './avatar';
export * from './file';
export * from './segment-figures';
