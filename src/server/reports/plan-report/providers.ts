/**
 * The providers the API and the CLI pass to the report and the logframe: the one place where
 * other modules' data is wired in (indicators, communication impact, lessons from monitoring,
 * visual identity). Until a module is wired its section stays empty.
 */
import type { IPlanReportProviders } from './types.ts';

export const defaultReportProviders: IPlanReportProviders = {};
