// The interface languages. The ground floor of the project: the schema, the catalogs and every page use it.
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
