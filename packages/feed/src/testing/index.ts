/**
 * Test helpers for other packages' tests (`@tidings/feed/testing`): the W3C feed validator's
 * rules that can apply to what Tidings writes. Not used by the service itself.
 */
export { type FeedProblem, w3cFeedRules } from './w3c-feed-rules.ts';
