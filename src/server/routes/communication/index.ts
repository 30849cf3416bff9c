import { createRouter } from '../../http/openapi.ts';
import { mediaContactRoutes } from './media-contacts.ts';
import { pressReleaseRoutes } from './press-releases.ts';
import { strategyRoutes } from './strategy.ts';

/** Communication (DESIGN §8): strategy and identity, media contacts and lists, press releases. */
export const communicationRoutes = createRouter()
  .route('/', strategyRoutes)
  .route('/', mediaContactRoutes)
  .route('/', pressReleaseRoutes);
