import { Anchor, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TMe, useSignOut } from '../../features/auth/api/auth.ts';

/** Who is signed in, and the way out. */
export function UserMenu({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor component={Link} to="/account" size="sm" visibleFrom="xs" truncate maw={260} c="inherit">
        {t('nav.signedInAs', { name: me.name || me.email })}
      </Anchor>
      <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}
