import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useRisk, useRiskSettings } from '../../features/risks/api/risks.ts';
import { RiskPage } from '../../features/risks/components/risk-page.tsx';

/** `/risks/:riskId`: one risk with its actions and alarm variables. */
export function RiskRoute() {
  const { t } = useTranslation();
  const { riskId } = useParams();
  const risk = useRisk(riskId);
  const settings = useRiskSettings(risk.data?.planId);
  if (risk.isPending || risk.isError) return <QueryState query={risk} notFound={t('risks.notFound')} />;
  if (settings.isPending || settings.isError) return <QueryState query={settings} />;
  return <RiskPage risk={risk.data} settings={settings.data} />;
}
