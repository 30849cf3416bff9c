/** The evaluation feature's public surface: what other features may use. */
export { ReportButtons } from './components/report-buttons.tsx';
