/** The team feature's public surface: what other features may use. */
export { usePeople } from './api/people.ts';
