import { readSettings } from '../../app/settings/read-settings';
import { myActions } from '../../app/views/my-actions';
import { nextUp } from '../../app/views/next-up';
import { peopleById } from '../../app/views/people-by-id';
import type { AdaptiveCard, CardNotice } from '../../cards/adaptive-card';
import { myActionsCard } from '../../cards/my-actions/my-actions-card';
import { nextUpCard } from '../../cards/next-up/next-up-card';
import { settingsCard } from '../../cards/settings/settings-card';
import type { PromptSettings } from '../../core/settings';
import type { BotServices } from '../turn/bot-services';

/** My next 1:1s with how far each agenda is. */
export async function nextUpFor(
  services: BotServices,
  personId: string,
  notice?: CardNotice | null,
): Promise<AdaptiveCard> {
  const [upcoming, people] = await Promise.all([
    nextUp(services.deps, personId),
    peopleById(services.deps, [personId]),
  ]);
  return nextUpCard({ upcoming, timeZone: people.get(personId)?.timeZone ?? 'UTC', notice: notice ?? null });
}

/** My open actions, overdue first, and what others agreed to do for me. */
export async function myActionsFor(
  services: BotServices,
  personId: string,
  notice?: CardNotice | null,
): Promise<AdaptiveCard> {
  const view = await myActions(services.deps, personId);
  const names = await peopleById(
    services.deps,
    [...view.mine, ...view.agreedWithOthers].flatMap((a) => [a.employeeId, a.counterpartId, a.ownerId]),
  );
  return myActionsCard({
    mine: view.mine,
    others: view.agreedWithOthers,
    names: new Map([...names].map(([id, person]) => [id, person.displayName])),
    viewerId: personId,
    notice: notice ?? null,
  });
}

/** My prompt settings, or what I typed with the reason it was refused. */
export async function settingsFor(
  services: BotServices,
  personId: string,
  extras: { shown?: PromptSettings; problems?: readonly string[]; notice?: CardNotice | null } = {},
): Promise<AdaptiveCard> {
  const settings = extras.shown ?? (await readSettings(services.deps, personId));
  return settingsCard({ settings, problems: extras.problems ?? [], notice: extras.notice ?? null });
}
