import { Outlet } from 'react-router';
import { QueryState } from '../components/query-state.tsx';
import { useMe } from '../features/auth/api/auth.ts';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';

/** Shows the sign-in page at any URL until signed in, then the requested page. */
export function AuthGate() {
  const me = useMe();
  if (me.isPending || me.isError) return <QueryState query={me} fullPage />;
  if (!me.data) return <SignInPage />;
  return <Outlet />;
}

/** Shown while a page's code loads for the first time. */
export function RouteLoading() {
  return (
    <QueryState query={{ isPending: true, isError: false, error: null, refetch: () => undefined }} fullPage />
  );
}
