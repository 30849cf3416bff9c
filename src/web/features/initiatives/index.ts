/** The initiatives feature's public surface: what other features may use. */
export { useInitiatives } from './api/initiatives.ts';
