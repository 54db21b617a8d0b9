import { prefillRecap } from '../../app/recap/prefill-recap';
import type { AppDeps } from '../../app/deps';
import { localDate } from '../../core/time-zone';
import type { RecapForOneOnOneResponse } from '../contract/api-types';
import { oneOnOneDto } from '../dto/one-on-one-dto';
import { recapDto } from '../dto/recap-dto';
import { NameBook } from './name-book';

/** The recap of one of my 1:1s, or a prefilled first draft when there is none yet. */
export async function recapForOneOnOne(
  deps: AppDeps,
  actorId: string,
  oneOnOneId: string,
): Promise<RecapForOneOnOneResponse> {
  // prefillRecap refuses a 1:1 that is not on the actor's calendar, so it doubles as the ownership check.
  const prefill = await prefillRecap(deps, actorId, oneOnOneId);
  const [oneOnOne, recap, me] = await Promise.all([
    deps.store.getOneOnOne(oneOnOneId),
    deps.store.findRecapForOneOnOne(actorId, oneOnOneId),
    deps.store.getPerson(actorId),
  ]);
  if (!oneOnOne) throw new Error('The 1:1 disappeared while it was being read.');
  const names = new NameBook(deps.store);
  return {
    oneOnOne: oneOnOneDto(oneOnOne),
    recap: recap ? await recapDto(recap, names) : null,
    prefill: recap ? null : prefill,
    today: localDate(deps.clock.now().getTime(), me?.timeZone ?? 'UTC'),
  };
}
