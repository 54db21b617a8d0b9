import { openAgenda } from '../../app/agenda/open-agenda';
import { readSettings } from '../../app/settings/read-settings';
import { growth } from '../../app/views/growth';
import { cadenceNudgeCard } from '../../cards/cadence-nudge/cadence-nudge-card';
import type { DueItem } from '../../core/schedule';
import type { DeliveryOutcome } from '../../ports/notifier';
import type { BotServices } from '../turn/bot-services';
import { peopleById } from '../../app/views/people-by-id';
import { sendNotice } from './notices';

type CadenceNudge = Extract<DueItem, { kind: 'cadenceNudge' }>;

/** Career conversations have gone quiet: suggest a curiosity conversation about what they want to learn. */
export async function cadenceNudgeNotice(
  services: BotServices,
  item: CadenceNudge,
): Promise<DeliveryOutcome> {
  const { deps } = services;
  const [view, settings, people] = await Promise.all([
    growth(deps, item.personId),
    readSettings(deps, item.personId),
    peopleById(deps, [item.personId]),
  ]);
  const latest = view.entries.find((entry) => entry.learningFocus !== '');
  const holders = latest
    ? ((await openAgenda(deps, item.personId, latest.oneOnOneId)).agenda?.knowledgeHolders ?? [])
    : [];
  return sendNotice(services, item.personId, {
    card: cadenceNudgeCard({
      displayName: people.get(item.personId)?.displayName ?? '',
      nudgeAfterWeeks: settings.nudgeAfterWeeks,
      daysSinceLast: view.cadence.daysSinceLast,
      learningFocus: latest?.learningFocus ?? '',
      knowledgeHolders: holders.map((h) => h.label),
    }),
    summary: 'Time for a career conversation?',
    subjectId: item.personId,
    purpose: `cadence-nudge:${item.key}`,
    version: 0,
  });
}
