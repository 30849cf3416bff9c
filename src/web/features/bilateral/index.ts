/** The bilateral feature's public surface: what other features may use. */
export { FactFromClipping } from './components/fact-from-clipping.tsx';
