/**
 * Language detection alone, without the model runtime: the API imports this entry
 * (`@tidings/translator/detect`) so that it never loads Transformers.js or ONNX Runtime.
 */
export { LanguageDetectionError } from './errors.ts';
export { detectArticleLanguage } from './language-detector.ts';
