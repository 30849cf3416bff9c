/** The auth feature's public surface: what other features may use. */
export { useMe } from './api/auth.ts';
