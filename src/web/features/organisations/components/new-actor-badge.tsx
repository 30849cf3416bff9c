import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TNewActorStatus } from '../../../../shared/enums.ts';

/** Flags a "new actor" the plan helped create, with how far it has got. */
export function NewActorBadge({ status }: { status: TNewActorStatus | null }) {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="light" tt="none">
      {t('organisations.newActor')}
      {status ? ` · ${t(`enums.newActorStatus.${status}`)}` : ''}
    </Badge>
  );
}
