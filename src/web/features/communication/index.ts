/** The communication feature's public surface: what other features may use. */
export { useMissionPeople, usePlanInitiatives } from './api/communication.ts';
