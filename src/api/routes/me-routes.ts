import { updateSettings } from '../../app/settings/update-settings';
import { notFound } from '../../server/http/http-error';
import { sendJson } from '../../server/http/respond';
import type { Router } from '../../server/http/router';
import type { ApiRouterOptions } from '../api-options';
import { authenticated, open } from '../api-route';
import type { PeopleSearchResponse, SettingsResponse } from '../contract/api-types';
import { exportMyData } from '../queries/export-my-data';
import { demoPeople, searchStorePeople, whoAmI } from '../queries/who-am-i';
import { parseBody, parseQuery } from '../request-parsing';
import { peopleSearchQuery, settingsBody } from '../request-schemas';

export function registerMeRoutes(router: Router, options: ApiRouterOptions): void {
  const { deps, authenticate, profile } = options;
  const store = deps.store;

  router.on(
    'GET',
    '/api/me',
    authenticated(authenticate, async ({ res, me }) => {
      sendJson(res, 200, await whoAmI(store, me, profile));
    }),
  );

  router.on(
    'GET',
    '/api/me/export',
    authenticated(authenticate, async ({ res, me }) => {
      const data = await exportMyData(deps, me);
      const day = deps.clock.now().toISOString().slice(0, 10);
      sendJson(res, 200, data, {
        'content-disposition': `attachment; filename="career-conversations-${day}.json"`,
      });
    }),
  );

  router.on(
    'GET',
    '/api/demo/people',
    open(async ({ res }) => {
      if (profile !== 'demo') throw notFound('The demo people exist only in the demo profile.');
      sendJson(res, 200, await demoPeople(store));
    }),
  );

  router.on(
    'GET',
    '/api/people/search',
    authenticated(authenticate, async ({ res, url, me }) => {
      const { q } = parseQuery(url, peopleSearchQuery);
      const people = options.directorySearch
        ? await options.directorySearch(me, q)
        : await searchStorePeople(store, me, q);
      const body: PeopleSearchResponse = { people: people.filter((p) => p.id !== me).slice(0, 10) };
      sendJson(res, 200, body);
    }),
  );

  router.on(
    'GET',
    '/api/settings',
    authenticated(authenticate, async ({ res, me }) => {
      const body: SettingsResponse = { settings: await store.getSettings(me) };
      sendJson(res, 200, body);
    }),
  );

  router.on(
    'PATCH',
    '/api/settings',
    authenticated(authenticate, async ({ req, res, me }) => {
      const change = await parseBody(req, settingsBody);
      const body: SettingsResponse = { settings: await updateSettings(deps, me, change) };
      sendJson(res, 200, body);
    }),
  );
}
