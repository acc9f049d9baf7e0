export { createI18n, NAMESPACES, translatorFor } from './create-i18n.ts';
export { LOCALES_DIR, loadResources, type Messages, type Resources } from './resources.ts';
