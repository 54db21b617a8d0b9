import type { SharedWithMe } from '../../app/agenda/read-shared-agenda';
import { agendasSharedWith } from '../../app/agenda/read-shared-agenda';
import type { AppDeps } from '../../app/deps';
import type { ActionItem } from '../../core/action-item';
import { careerError } from '../../core/errors';
import type { OneOnOne } from '../../core/one-on-one';
import type { Person } from '../../core/person';
import type { SharedAgendaDto, SharedAgendasResponse } from '../contract/api-types';
import { personSummary } from './name-book';

/** A direct report of the manager, or the same "not found" as for a stranger. */
export async function requireReport(deps: AppDeps, managerId: string, reportId: string): Promise<Person> {
  const report = await deps.store.getPerson(reportId);
  if (!report || report.managerId !== managerId) {
    throw careerError('not_found', 'That person is not one of your direct reports.');
  }
  return report;
}

/** Agendas a report shared with me (their manager), newest meeting first. Private notes are never part of them. */
export async function sharedAgendasOf(
  deps: AppDeps,
  managerId: string,
  reportId: string,
): Promise<SharedAgendasResponse> {
  const report = await requireReport(deps, managerId, reportId);
  const shared = (await agendasSharedWith(deps, managerId)).filter((s) => s.agenda.authorId === reportId);
  const agendas = await Promise.all(shared.map((s) => sharedAgendaDto(deps, s)));
  agendas.sort((a, b) => (b.meetingStartsAt ?? '').localeCompare(a.meetingStartsAt ?? ''));
  return { report: personSummary(report), agendas };
}

/** What the counterpart sees of a shared agenda: no revision, no private notes, only actions between the two. */
export async function sharedAgendaDto(
  deps: AppDeps,
  { agenda, oneOnOne }: SharedWithMe,
): Promise<SharedAgendaDto> {
  const carried = await Promise.all(agenda.carriedActionIds.map((id) => deps.store.getAction(id)));
  return {
    oneOnOneId: agenda.oneOnOneId,
    meetingStartsAt: oneOnOne.startsAt,
    learningFocus: agenda.learningFocus,
    knowledgeHolders: agenda.knowledgeHolders,
    asks: agenda.asks,
    carriedActions: carried
      .filter(
        (a): a is ActionItem =>
          a !== null && a.employeeId === agenda.authorId && a.counterpartId === agenda.counterpartId,
      )
      .map((a) => ({ id: a.id, text: a.text, dueOn: a.dueOn, status: a.status })),
    sharedAt: agenda.sharedAt ?? agenda.updatedAt,
    updatedAt: agenda.updatedAt,
  };
}

/** The agenda the other person shared with me for this same meeting (matched on its start), if any. */
export async function agendaSharedWithMeFor(
  deps: AppDeps,
  meId: string,
  mine: OneOnOne,
): Promise<SharedAgendaDto | null> {
  const theirId = mine.counterpart.personId;
  if (!theirId) return null;
  for (const shared of await agendasSharedWith(deps, meId)) {
    if (shared.agenda.authorId === theirId && shared.oneOnOne.startsAt === mine.startsAt) {
      return sharedAgendaDto(deps, shared);
    }
  }
  return null;
}
