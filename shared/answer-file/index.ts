/**
 * Answer files: one unit's disclosed answer to one request (types.ts, schema.ts, create.ts) and the
 * compilation of several into one answer per region, healthcare region and for Sweden (compile.ts).
 */
export * from './types';
export { ANSWER_FILE_JSON_SCHEMA, ANSWER_FILE_SCHEMA_ID, checkAnswerFileShape, parseAnswerFile } from './schema';
export { AnswerFileDisclosureError, answerFileHash, answerFilePrintedTable, createAnswerFile, criteriaHash, verifyAnswerFileHash, type CreateAnswerFileInput } from './create';
export * from './compile';
export { figureText, rangeText } from './texts';
