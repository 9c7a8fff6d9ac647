// Keys of the settings table that more than one module of the database reads; a module of its own so that the
// schema's upgrades can use them without importing the modules that import the schema.

/** The audit trail's newest entry (seq and hash), kept beside the trail so that a cut of the trail shows. */
export const AUDIT_HEAD_KEY = 'auditHead';
/** Where version 1 kept a study's population table; read only by the migration of stored studies, then deleted. */
export const legacyPopulationKey = (studyId: string): string => `population:${studyId}`;
