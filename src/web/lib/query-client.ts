import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';

/** One query client; a 401 anywhere means the session ended: show the sign-in page again. */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error, 401)) queryClient.setQueryData(['auth', 'me'], null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !isApiError(error) || (error.status >= 500 && failureCount < 2),
      },
    },
  });
  return queryClient;
}
