import type { OneOnOne } from '../../core/one-on-one';
import type { Person } from '../../core/person';
import type { Recap, RecapContent } from '../../core/recap';
import type { AppDeps } from '../deps';
import { requireOwnOneOnOne, requirePerson } from '../load';
import { prefillRecap } from './prefill-recap';
import { readRecap } from './read-recap';

export interface RecapContext {
  recap: Recap;
  /** The author's 1:1; null when it has left the calendar since. */
  oneOnOne: OneOnOne | null;
  author: Person | null;
  recipient: Person | null;
}

/** A recap with its 1:1 and both people, for its author or its recipient only. */
export async function recapContext(deps: AppDeps, actorId: string, recapId: string): Promise<RecapContext> {
  return recapContextOf(deps, await readRecap(deps, actorId, recapId));
}

/** The same for a recap a use case has just returned to one of its two people (no second read). */
export async function recapContextOf(deps: AppDeps, recap: Recap): Promise<RecapContext> {
  const [oneOnOne, author, recipient] = await Promise.all([
    deps.store.getOneOnOne(recap.oneOnOneId),
    deps.store.getPerson(recap.authorId),
    deps.store.getPerson(recap.recipientId),
  ]);
  return { recap, oneOnOne, author, recipient };
}

export interface RecapDraft {
  oneOnOne: OneOnOne;
  author: Person;
  /** The recap written so far, if any. */
  recap: Recap | null;
  /** What the editor starts from: the recap's content, or a first draft from the agenda. */
  content: RecapContent;
}

/** The author's recap of one of their 1:1s: the one already written, or a first draft from the agenda. */
export async function recapDraft(deps: AppDeps, actorId: string, oneOnOneId: string): Promise<RecapDraft> {
  const oneOnOne = await requireOwnOneOnOne(deps.store, actorId, oneOnOneId);
  const [author, recap] = await Promise.all([
    requirePerson(deps.store, actorId),
    deps.store.findRecapForOneOnOne(actorId, oneOnOneId),
  ]);
  const content = recap
    ? { topics: recap.topics, actions: recap.actions }
    : await prefillRecap(deps, actorId, oneOnOneId);
  return { oneOnOne, author, recap, content };
}
