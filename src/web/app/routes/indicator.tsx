import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { useIndicator } from '../../features/results/api/results.ts';
import { IndicatorPage } from '../../features/results/components/indicator-page.tsx';

/** `/indicators/:indicatorId`: one indicator, its values chart and the form to record a value. */
export function IndicatorRoute() {
  const { t } = useTranslation();
  const { indicatorId } = useParams();
  const indicator = useIndicator(indicatorId);
  const plan = usePlan(indicator.data?.planId);
  if (indicator.isPending || indicator.isError)
    return <QueryState query={indicator} notFound={t('indicators.notFound')} />;
  return (
    <IndicatorPage
      indicator={indicator.data}
      planLabel={plan.data ? `${plan.data.acronym} — ${plan.data.title}` : undefined}
    />
  );
}
