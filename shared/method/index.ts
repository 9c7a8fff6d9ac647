/**
 * The method description: one text for the in-app method page and the letter's method section, so the two never
 * say different things.
 */
export { METHOD_SECTION_IDS, isMethodSectionId, letterMethodParagraphs, methodInputs, methodSections, snapshotMethodInputs, type MethodInputs, type MethodSection, type MethodSectionId } from './sections';
export { METHOD_TEXTS, type MethodTextKey } from './texts';
