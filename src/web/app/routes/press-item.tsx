import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useMediaItem } from '../../features/press/api/press.ts';
import { PressItemPage } from '../../features/press/components/press-item-page.tsx';

/** `/press/:itemId`: one clipping. */
export function PressItemRoute() {
  const { t } = useTranslation();
  const { itemId } = useParams();
  const item = useMediaItem(itemId);
  if (item.isPending || item.isError) return <QueryState query={item} notFound={t('press.notFound')} />;
  return <PressItemPage item={item.data} />;
}
