import { PressPage } from '../../features/press/components/press-page.tsx';

/** `/press`: the press review of the current mission. */
export function PressRoute() {
  return <PressPage />;
}
