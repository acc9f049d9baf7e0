export { createI18n, NAMESPACES, translatorFor } from './create-i18n.ts';
export { failureReasonText } from './failure-reason-text.ts';
export { type ProvenanceNotice, provenanceNotice } from './provenance-notice.ts';
export {
  LOCALES_DIR,
  loadResources,
  type Messages,
  placeholdersOf,
  type Resources,
} from './resources.ts';
export { retrySkipText } from './retry-skip-text.ts';
export { reviewReasonText } from './review-reason-text.ts';
