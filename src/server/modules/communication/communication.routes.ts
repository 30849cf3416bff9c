import { createRouter } from '../../platform/http/openapi.ts';
import { mediaContactRoutes } from './media-contacts.routes.ts';
import { pressReleaseRoutes } from './press-releases.routes.ts';
import { strategyRoutes } from './strategy.routes.ts';

/** Communication (DESIGN §8): strategy and identity, media contacts and lists, press releases. */
export const communicationRoutes = createRouter()
  .route('/', strategyRoutes)
  .route('/', mediaContactRoutes)
  .route('/', pressReleaseRoutes);
