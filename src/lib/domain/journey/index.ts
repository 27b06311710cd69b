// Public API of the journey domain: records, edits, coverage, templates, files and exports.
export * from './lanes';
export * from './journey.schema';
export * from './card.schema';
export * from './template.schema';
export * from './state';
export * from './edits';
export * from './create';
export * from './coverage';
export * from './templates';
export * from './file';
export * from './export';
export * from './workshop';
