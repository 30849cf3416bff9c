import { expect, test as setup } from '@playwright/test';
import { readFirstAdmin, storageStatePath } from './support.ts';

/** Signs in once through the API; the journeys reuse the session (the server limits sign-ins). */
setup('sign in as the first administrator', async ({ request }) => {
  const admin = readFirstAdmin();
  const response = await request.post('/api/auth/sign-in', { data: admin });
  expect(response.status()).toBe(200);
  await request.storageState({ path: storageStatePath() });
});
