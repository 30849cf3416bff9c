import { useQuery } from '@tanstack/react-query';
import { api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TMission = TSchemas['Mission'];

/** Every mission the signed-in person can read (headquarters readers see them all). */
export function useMissions() {
  return useQuery({
    queryKey: ['missions', 'list'],
    queryFn: () => unwrap(api.GET('/api/missions')).then((page) => page.items),
  });
}
