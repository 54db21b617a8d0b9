import { agendasSharedWith } from '../../app/agenda/read-shared-agenda';
import type { AppDeps } from '../../app/deps';
import { myActions } from '../../app/views/my-actions';
import { myTeam } from '../../app/views/my-team';
import { careerError } from '../../core/errors';
import type { TeamResponse } from '../contract/api-types';
import { actionDto } from '../dto/action-dto';
import { NameBook, personSummary } from './name-book';

/** The manager's team view, with the overdue actions themselves (not just a count) and meeting dates. */
export async function teamOverview(deps: AppDeps, managerId: string): Promise<TeamResponse> {
  const reports = await deps.store.listReports(managerId);
  if (reports.length === 0) {
    throw careerError(
      'forbidden',
      'My team is for people with direct reports; nobody reports to you in the directory.',
    );
  }
  const [summaries, actions, shared] = await Promise.all([
    myTeam(deps, managerId),
    myActions(deps, managerId),
    agendasSharedWith(deps, managerId),
  ]);
  const names = new NameBook(deps.store);
  const byId = new Map(reports.map((r) => [r.id, r]));
  const members = await Promise.all(
    summaries.map(async (summary) => {
      const report = byId.get(summary.person.id);
      const overdue = actions.mine.filter((a) => a.overdue && a.employeeId === summary.person.id);
      return {
        person: report
          ? personSummary(report)
          : {
              id: summary.person.id,
              displayName: summary.person.displayName,
              jobTitle: summary.person.jobTitle,
              email: '',
            },
        lastConversationAt: summary.cadence.lastConversationAt,
        daysSinceLast: summary.cadence.daysSinceLast,
        withManagerPerMonth: summary.cadence.withManagerPerMonth,
        curiosityPerMonth: summary.cadence.curiosityPerMonth,
        nudge: summary.cadence.nudge,
        awaitingMe: await Promise.all(
          summary.awaitingMe.map(async (r) => ({
            id: r.id,
            version: r.version,
            topics: r.topics,
            actions: r.actions,
            sentAt: r.sentAt,
            oneOnOneId: r.oneOnOneId,
            meetingStartsAt: (await deps.store.getOneOnOne(r.oneOnOneId))?.startsAt ?? null,
          })),
        ),
        myOverdueActions: await Promise.all(
          overdue.map((a) => actionDto(a, managerId, names, actions.today)),
        ),
        sharedAgendaCount: shared.filter((s) => s.agenda.authorId === summary.person.id).length,
      };
    }),
  );
  members.sort((a, b) => a.person.displayName.localeCompare(b.person.displayName));
  return { reports: members };
}
