import { sendJson } from '../../server/http/respond';
import type { Router } from '../../server/http/router';
import type { ApiRouterOptions } from '../api-options';
import { authenticated, pathId } from '../api-route';
import type { SharedAgendaResponse } from '../contract/api-types';
import { readSharedAgenda } from '../../app/agenda/read-shared-agenda';
import { requireReport, sharedAgendaDto, sharedAgendasOf } from '../queries/shared-agendas';
import { teamOverview } from '../queries/team';

export function registerTeamRoutes(router: Router, options: ApiRouterOptions): void {
  const { deps, authenticate } = options;

  router.on(
    'GET',
    '/api/team',
    authenticated(authenticate, async ({ res, me }) => {
      sendJson(res, 200, await teamOverview(deps, me));
    }),
  );

  router.on(
    'GET',
    '/api/team/:reportId/agendas',
    authenticated(authenticate, async (request) => {
      sendJson(request.res, 200, await sharedAgendasOf(deps, request.me, pathId(request, 'reportId')));
    }),
  );

  router.on(
    'GET',
    '/api/team/:reportId/agendas/:oneOnOneId',
    authenticated(authenticate, async (request) => {
      const reportId = pathId(request, 'reportId');
      await requireReport(deps, request.me, reportId);
      const shared = await readSharedAgenda(deps, request.me, reportId, pathId(request, 'oneOnOneId'));
      const body: SharedAgendaResponse = { agenda: await sharedAgendaDto(deps, shared) };
      sendJson(request.res, 200, body);
    }),
  );
}
