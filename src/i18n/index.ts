// The door of src/i18n: everything other folders use from it, and nothing else.
export { catalogs, isLanguage, type Language, LANGUAGES, translate, translator, type Translator } from './catalog.js';
