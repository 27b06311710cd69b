// Public API of the touchpoint domain: register records, channel taxonomy, status, coverage matrix, consistency, CSV.
export * from './channels';
export * from './touchpoint.schema';
export * from './touchpoint';
export * from './status';
export * from './matrix';
export * from './consistency';
export * from './register-csv';
export * from './channel-edits';
