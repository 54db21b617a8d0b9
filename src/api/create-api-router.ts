import { Router } from '../server/http/router';
import type { ApiRouterOptions } from './api-options';
import { registerActionRoutes } from './routes/action-routes';
import { registerAgendaRoutes } from './routes/agenda-routes';
import { registerGrowthRoutes } from './routes/growth-routes';
import { registerMeRoutes } from './routes/me-routes';
import { registerOneOnOneRoutes } from './routes/one-on-one-routes';
import { registerRecapRoutes } from './routes/recap-routes';
import { registerTeamRoutes } from './routes/team-routes';

/** The HTTP API the Teams tab and the Outlook add-in share, every route behind `authenticate`. */
export function createApiRouter(options: ApiRouterOptions): Router {
  const router = options.router ?? new Router();
  registerMeRoutes(router, options);
  registerOneOnOneRoutes(router, options);
  registerAgendaRoutes(router, options);
  registerRecapRoutes(router, options);
  registerActionRoutes(router, options);
  registerGrowthRoutes(router, options);
  registerTeamRoutes(router, options);
  return router;
}
