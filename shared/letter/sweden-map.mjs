// The county shapes of Sweden for the letter's map (@svg-maps/sweden, CC BY 4.0, Victor Cazanave; credited in
// the letter). A plain module with its own declaration (sweden-map.d.mts) so shared/'s TypeScript program sees
// a typed value without the renderer's ambient module declaration.
import sweden from '@svg-maps/sweden';

export const SWEDEN_MAP = sweden;
