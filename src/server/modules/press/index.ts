/** The press module's public surface: what other modules and the app may use (README.md says what it owns). */
export { loadPressDemo } from './demo.ts';
export { registerPressCommands } from './press.cli.ts';
export { pressRoutes } from './press.routes.ts';
export { countMediaItems } from './press-coverage.ts';
export { startFeedPolling } from './press-feeds.ts';
export { extractArticle } from './review/extract.ts';
export { parseDocument, toBlockText } from './review/html-document.ts';
export { detectLanguage, MEDIA_LANGUAGES } from './review/language.ts';
export { normalizeDate } from './review/metadata.ts';
export { mediaItems } from './tables.ts';
