/**
 * Test harnesses that build the real API over a real store and Redis, for other packages'
 * tests (`@tidings/api/testing`). Not used by the service itself.
 */
export { type ApiHarness, apiHarness } from './api-harness.ts';
export { CHROMIUM_PATH, chromiumAvailable, launchChromium } from './launch-chromium.ts';
export { type SiteHarness, seedContent, siteHarness } from './site-harness.ts';
export { type StaleTranslationInput, staleTranslation } from './stale-translation.ts';
