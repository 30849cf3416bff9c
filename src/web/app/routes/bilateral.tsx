import { BilateralPage } from '../../features/bilateral/components/bilateral-page.tsx';

/** `/bilateral`: the bilateral knowledge base as a timeline. */
export function BilateralRoute() {
  return <BilateralPage />;
}
