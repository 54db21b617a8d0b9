import { growth } from '../../app/views/growth';
import { sendJson } from '../../server/http/respond';
import type { Router } from '../../server/http/router';
import type { ApiRouterOptions } from '../api-options';
import { authenticated } from '../api-route';
import type { GrowthResponse } from '../contract/api-types';

export function registerGrowthRoutes(router: Router, options: ApiRouterOptions): void {
  const { deps, authenticate } = options;

  router.on(
    'GET',
    '/api/growth',
    authenticated(authenticate, async ({ res, me }) => {
      const [view, settings] = await Promise.all([growth(deps, me), deps.store.getSettings(me)]);
      const { cadence } = view;
      const now = deps.clock.now().toISOString();
      const body: GrowthResponse = {
        entries: view.entries.map((entry) => ({ ...entry, upcoming: entry.date > now })),
        cadence: {
          months: cadence.months,
          withManagerPerMonth: cadence.withManagerPerMonth,
          curiosityPerMonth: cadence.curiosityPerMonth,
          lastConversationAt: cadence.lastConversationAt,
          daysSinceLast: cadence.daysSinceLast,
          overdueActions: cadence.overdueActions,
          recapsPendingAcknowledgement: cadence.recapsPendingAcknowledgement,
          nudge: cadence.nudge,
          nudgeAfterWeeks: settings.nudgeAfterWeeks,
        },
      };
      sendJson(res, 200, body);
    }),
  );
}
