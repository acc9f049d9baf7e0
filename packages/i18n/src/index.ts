export { createI18n, NAMESPACES, translatorFor } from './create-i18n.ts';
export { type ProvenanceNotice, provenanceNotice } from './provenance-notice.ts';
export { failureReasonText, retrySkipText, reviewReasonText } from './reason-texts.ts';
export {
  LOCALES_DIR,
  loadResources,
  type Messages,
  placeholdersOf,
  type Resources,
} from './resources.ts';
