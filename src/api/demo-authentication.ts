import type { IncomingMessage } from 'node:http';
import type { Store } from '../ports/store';
import { HttpError } from '../server/http/http-error';
import type { Authenticate } from './api-options';
import { DEMO_USER_HEADER } from './demo-header';

export { DEMO_USER_HEADER };

/**
 * Demo profile only: the caller says who they are in `x-demo-user` (the tab's "view as" picker).
 * Never wire this in the tenant profile: anyone could claim to be anyone.
 */
export function demoAuthentication(store: Pick<Store, 'getPerson'>): Authenticate {
  return async (req: IncomingMessage) => {
    const raw = req.headers[DEMO_USER_HEADER];
    const personId = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
    if (personId === '') {
      throw new HttpError(
        401,
        'demo_user_required',
        `Pick a demo person first (send their id in ${DEMO_USER_HEADER}).`,
      );
    }
    if (personId.length > 200 || !(await store.getPerson(personId))) {
      throw new HttpError(
        401,
        'unknown_demo_user',
        'That demo person does not exist. Pick someone from the list again.',
      );
    }
    return { personId };
  };
}
