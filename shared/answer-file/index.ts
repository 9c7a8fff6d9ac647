/**
 * Answer files: one unit's disclosed answer to one request (types.ts, schema.ts, create.ts) and the
 * compilation of several into one answer per region, healthcare region and for Sweden (compile.ts).
 */
export * from './types';
export { ANSWER_FILE_JSON_SCHEMA, ANSWER_FILE_SCHEMA_ID, checkAnswerFileShape, parseAnswerFile } from './schema';
export { AnswerFileDisclosureError, createAnswerFile, criteriaHash, type CreateAnswerFileInput } from './create';
export { answerFileHash, verifyAnswerFileHash } from './hash';
export { answerFilePrint, answerFileRegions } from './print';
export { answerOutputs, disclosedShares, printedHallandRule } from './outputs';
export * from './compile';
export { figureText, rangeText, unitBasisText } from './texts';
export { compileWarningText } from './warning-texts';
