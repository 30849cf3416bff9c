/** The organisations feature's public surface: what other features may use. */
export { useOrganisations } from './api/organisations.ts';
