/**
 * The method description (issue 10 §4): one text for the in-app method page and the letter's method section.
 */
export { METHOD_SECTION_IDS, isMethodSectionId, letterMethodParagraphs, methodInputs, methodSections, snapshotMethodInputs, type MethodInputs, type MethodSection, type MethodSectionId } from './sections';
export { METHOD_TEXTS, type MethodTextKey } from './texts';
