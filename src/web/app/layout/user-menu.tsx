import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type TMe, useSignOut } from '../../features/auth/api/auth.ts';

/** Who is signed in, and the way out. */
export function UserMenu({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" visibleFrom="xs" truncate maw={260}>
        {t('nav.signedInAs', { name: me.name || me.email })}
      </Text>
      <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}
