import { acknowledgeRecap, requestRecapChange } from '../../app/recap/answer-recap';
import { readRecap } from '../../app/recap/read-recap';
import { sendRecap } from '../../app/recap/send-recap';
import { writeRecap } from '../../app/recap/write-recap';
import { sendJson } from '../../server/http/respond';
import type { Router } from '../../server/http/router';
import type { ApiRouterOptions } from '../api-options';
import { authenticated, pathId } from '../api-route';
import type { RecapResponse } from '../contract/api-types';
import { recapDto } from '../dto/recap-dto';
import { NameBook } from '../queries/name-book';
import { recapForOneOnOne } from '../queries/recap-for-one-on-one';
import { parseBody } from '../request-parsing';
import { acknowledgeBody, requestChangeBody, writeRecapBody } from '../request-schemas';

export function registerRecapRoutes(router: Router, options: ApiRouterOptions): void {
  const { deps, authenticate } = options;
  const respond = async (
    res: Parameters<typeof sendJson>[0],
    result: { recap: Parameters<typeof recapDto>[0]; changed?: boolean },
  ) => {
    const body: RecapResponse = { recap: await recapDto(result.recap, new NameBook(deps.store)) };
    if (result.changed !== undefined) body.changed = result.changed;
    sendJson(res, 200, body);
  };

  router.on(
    'GET',
    '/api/one-on-ones/:id/recap',
    authenticated(authenticate, async (request) => {
      sendJson(request.res, 200, await recapForOneOnOne(deps, request.me, pathId(request, 'id')));
    }),
  );

  router.on(
    'PUT',
    '/api/one-on-ones/:id/recap',
    authenticated(authenticate, async (request) => {
      const id = pathId(request, 'id');
      const content = await parseBody(request.req, writeRecapBody);
      const recap = await writeRecap(deps, {
        actorId: request.me,
        oneOnOneId: id,
        content: { topics: content.topics, actions: content.actions.map((a) => ({ ...a, id: a.id ?? '' })) },
      });
      await respond(request.res, { recap });
    }),
  );

  router.on(
    'GET',
    '/api/recaps/:id',
    authenticated(authenticate, async (request) => {
      await respond(request.res, { recap: await readRecap(deps, request.me, pathId(request, 'id')) });
    }),
  );

  router.on(
    'POST',
    '/api/recaps/:id/send',
    authenticated(authenticate, async (request) => {
      const id = pathId(request, 'id');
      // Someone who is neither author nor recipient learns nothing, not even that the recap exists.
      await readRecap(deps, request.me, id);
      await respond(request.res, await sendRecap(deps, request.me, id));
    }),
  );

  router.on(
    'POST',
    '/api/recaps/:id/acknowledge',
    authenticated(authenticate, async (request) => {
      const id = pathId(request, 'id');
      const { version } = await parseBody(request.req, acknowledgeBody);
      await readRecap(deps, request.me, id);
      await respond(request.res, await acknowledgeRecap(deps, { actorId: request.me, recapId: id, version }));
    }),
  );

  router.on(
    'POST',
    '/api/recaps/:id/request-change',
    authenticated(authenticate, async (request) => {
      const id = pathId(request, 'id');
      const { version, comment } = await parseBody(request.req, requestChangeBody);
      await readRecap(deps, request.me, id);
      await respond(
        request.res,
        await requestRecapChange(deps, { actorId: request.me, recapId: id, version, comment }),
      );
    }),
  );
}
