/** The shape of a message table with its literal strings widened, so a translation can have other words. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
