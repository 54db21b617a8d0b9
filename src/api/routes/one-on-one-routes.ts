import { nextUp, pastConversations } from '../../app/views/next-up';
import { sendJson } from '../../server/http/respond';
import type { Router } from '../../server/http/router';
import type { ApiRouterOptions } from '../api-options';
import { authenticated } from '../api-route';
import type { PastResponse, UpcomingResponse } from '../contract/api-types';
import { oneOnOneDto } from '../dto/one-on-one-dto';
import { recapSummaryDto } from '../dto/recap-dto';
import { matchMeeting } from '../queries/meeting-match';
import { NameBook } from '../queries/name-book';
import { parseQuery } from '../request-parsing';
import { meetingMatchQuery } from '../request-schemas';

export function registerOneOnOneRoutes(router: Router, options: ApiRouterOptions): void {
  const { deps, authenticate } = options;

  router.on(
    'GET',
    '/api/one-on-ones/upcoming',
    authenticated(authenticate, async ({ res, me }) => {
      const upcoming = await nextUp(deps, me);
      const body: UpcomingResponse = {
        oneOnOnes: upcoming.map((u) => ({
          ...oneOnOneDto(u.oneOnOne),
          agendaState: u.agendaState,
          agendaRevision: u.agendaRevision,
        })),
      };
      sendJson(res, 200, body);
    }),
  );

  router.on(
    'GET',
    '/api/one-on-ones/past',
    authenticated(authenticate, async ({ res, me }) => {
      const [past, recaps] = await Promise.all([
        pastConversations(deps, me),
        deps.store.listRecapsByAuthor(me),
      ]);
      const byId = new Map(recaps.map((r) => [r.id, r]));
      const names = new NameBook(deps.store);
      const body: PastResponse = {
        oneOnOnes: await Promise.all(
          past.map(async (p) => {
            const recap = p.recapId ? byId.get(p.recapId) : undefined;
            return { ...oneOnOneDto(p.oneOnOne), recap: recap ? await recapSummaryDto(recap, names) : null };
          }),
        ),
      };
      sendJson(res, 200, body);
    }),
  );

  router.on(
    'GET',
    '/api/one-on-ones/match',
    authenticated(authenticate, async ({ res, url, me }) => {
      const meeting = parseQuery(url, meetingMatchQuery);
      sendJson(res, 200, await matchMeeting(deps, me, meeting));
    }),
  );
}
