import type { Cadence } from '../../core/cadence';
import { cadenceOf } from '../../core/cadence';
import { isOverdue } from '../../core/action-item';
import type { Person } from '../../core/person';
import type { Recap } from '../../core/recap';
import { isAwaitingAcknowledgement } from '../../core/recap';
import { localDate } from '../../core/time-zone';
import type { AppDeps } from '../deps';
import { requirePerson } from '../load';

export interface TeamMemberSummary {
  person: Pick<Person, 'id' | 'displayName' | 'jobTitle'>;
  cadence: Pick<
    Cadence,
    'withManagerPerMonth' | 'curiosityPerMonth' | 'lastConversationAt' | 'daysSinceLast' | 'nudge'
  >;
  /** Recaps from this report waiting for my acknowledgement. */
  awaitingMe: Pick<Recap, 'id' | 'version' | 'topics' | 'actions' | 'sentAt' | 'oneOnOneId'>[];
  /** Actions I own towards this report that are overdue. */
  myOverdueActions: number;
}

/** A manager's view of their direct reports only: never private notes, never another manager's team. */
export async function myTeam(deps: AppDeps, managerId: string): Promise<TeamMemberSummary[]> {
  const manager = await requirePerson(deps.store, managerId);
  const today = localDate(deps.clock.now().getTime(), manager.timeZone);
  const now = deps.clock.now().getTime();
  const [reports, toMe, myActions] = await Promise.all([
    deps.store.listReports(managerId),
    deps.store.listRecapsForRecipient(managerId),
    deps.store.listActionsOwnedBy(managerId),
  ]);
  return Promise.all(
    reports.map(async (report) => {
      const [oneOnOnes, settings] = await Promise.all([
        deps.store.listOneOnOnes(report.id),
        deps.store.getSettings(report.id),
      ]);
      const cadence = cadenceOf({
        oneOnOnes,
        recaps: [],
        actions: [],
        timeZone: report.timeZone,
        now,
        nudgeAfterWeeks: settings.nudgeAfterWeeks,
      });
      return {
        person: { id: report.id, displayName: report.displayName, jobTitle: report.jobTitle },
        cadence: {
          withManagerPerMonth: cadence.withManagerPerMonth,
          curiosityPerMonth: cadence.curiosityPerMonth,
          lastConversationAt: cadence.lastConversationAt,
          daysSinceLast: cadence.daysSinceLast,
          nudge: cadence.nudge,
        },
        awaitingMe: toMe
          .filter((r) => r.authorId === report.id && isAwaitingAcknowledgement(r))
          .map((r) => ({
            id: r.id,
            version: r.version,
            topics: r.topics,
            actions: r.actions,
            sentAt: r.sentAt,
            oneOnOneId: r.oneOnOneId,
          })),
        myOverdueActions: myActions.filter((a) => a.employeeId === report.id && isOverdue(a, today)).length,
      };
    }),
  );
}
