import { updateActionStatus } from '../../app/actions/update-action';
import { myActions } from '../../app/views/my-actions';
import { sendJson } from '../../server/http/respond';
import type { Router } from '../../server/http/router';
import type { ApiRouterOptions } from '../api-options';
import { authenticated, pathId } from '../api-route';
import type { ActionResponse, ActionsResponse } from '../contract/api-types';
import { actionDto } from '../dto/action-dto';
import { NameBook } from '../queries/name-book';
import { parseBody } from '../request-parsing';
import { actionStatusBody } from '../request-schemas';
import { todayFor } from './agenda-routes';

export function registerActionRoutes(router: Router, options: ApiRouterOptions): void {
  const { deps, authenticate } = options;

  router.on(
    'GET',
    '/api/actions',
    authenticated(authenticate, async ({ res, me }) => {
      const view = await myActions(deps, me);
      const names = new NameBook(deps.store);
      const body: ActionsResponse = {
        today: view.today,
        mine: await Promise.all(view.mine.map((a) => actionDto(a, me, names, view.today))),
        agreedWithOthers: await Promise.all(
          view.agreedWithOthers.map((a) => actionDto(a, me, names, view.today)),
        ),
      };
      sendJson(res, 200, body);
    }),
  );

  router.on(
    'PATCH',
    '/api/actions/:id',
    authenticated(authenticate, async (request) => {
      const { status } = await parseBody(request.req, actionStatusBody);
      const result = await updateActionStatus(deps, {
        actorId: request.me,
        actionId: pathId(request, 'id'),
        status,
      });
      const today = await todayFor(deps, request.me);
      const body: ActionResponse = {
        action: await actionDto(result.action, request.me, new NameBook(deps.store), today),
        changed: result.changed,
      };
      sendJson(request.res, 200, body);
    }),
  );
}
