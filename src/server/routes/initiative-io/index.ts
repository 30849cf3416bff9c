import { createRouter } from '../../http/openapi.ts';

/** Import and export of a plan's initiatives (CSV, XLSX). */
export const initiativeIoRoutes = createRouter();
