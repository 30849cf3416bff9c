import { QueryState } from '../../components/query-state.tsx';
import { useMe } from '../../features/auth/api/auth.ts';
import { AccountPage } from '../../features/auth/components/account-page.tsx';

/** `/account`: the signed-in person's password. */
export function AccountRoute() {
  const me = useMe();
  if (!me.data)
    return <QueryState query={{ isPending: true, isError: false, error: null, refetch: () => undefined }} />;
  return <AccountPage me={me.data} />;
}
