import type { AppDeps } from '../../app/deps';
import { agendaStateOf } from '../../core/agenda';
import { careerError } from '../../core/errors';
import { normaliseAddress } from '../../core/person';
import type { MeetingMatchReason, MeetingMatchResponse } from '../contract/api-types';
import { oneOnOneDto } from '../dto/one-on-one-dto';

export interface MeetingDescription {
  start: string;
  end: string;
  attendees: readonly string[];
}

/** Outlook and Graph may round a meeting's times differently; a minute either way is still the same meeting. */
const TOLERANCE_MS = 60_000;

const REASONS: Record<MeetingMatchReason, string> = {
  no_other_attendee: 'Invite the other person first: this meeting has nobody else on it yet.',
  more_than_two_people: 'This meeting has more than two people, so it is not a 1:1.',
  no_one_on_one_at_that_time:
    'No 1:1 of yours is known at this time. If you just created or moved it, give the calendar sync a few minutes.',
  different_attendees: 'You have a 1:1 at this time, but with someone else than this meeting invites.',
  cancelled: 'This 1:1 was cancelled.',
};

/** Finds my 1:1 that is this meeting (same start, end and other person), or says why there is none. */
export async function matchMeeting(
  deps: AppDeps,
  personId: string,
  meeting: MeetingDescription,
): Promise<MeetingMatchResponse> {
  const me = await deps.store.getPerson(personId);
  if (!me) throw careerError('not_found', 'You are not known to Career Conversations yet.');
  const mine = normaliseAddress(me.email);
  const others = [...new Set(meeting.attendees.map(normaliseAddress))].filter((a) => a !== mine);
  if (others.length === 0) return noMatch('no_other_attendee');
  if (others.length > 1) return noMatch('more_than_two_people');
  const start = Date.parse(meeting.start);
  const end = Date.parse(meeting.end);
  const atThatTime = (await deps.store.listOneOnOnes(personId)).filter(
    (o) =>
      Math.abs(Date.parse(o.startsAt) - start) <= TOLERANCE_MS &&
      Math.abs(Date.parse(o.endsAt) - end) <= TOLERANCE_MS,
  );
  if (atThatTime.length === 0) return noMatch('no_one_on_one_at_that_time');
  const withThem = atThatTime.filter((o) => normaliseAddress(o.counterpart.address) === others[0]);
  const found = withThem.find((o) => o.status === 'scheduled') ?? withThem[0];
  if (!found) return noMatch('different_attendees');
  if (found.status === 'cancelled') return noMatch('cancelled');
  const agenda = await deps.store.getAgenda(personId, found.id);
  return {
    match: { ...oneOnOneDto(found), agendaState: agendaStateOf(agenda, found.counterpart.personId) },
    reason: null,
  };
}

function noMatch(code: MeetingMatchReason): MeetingMatchResponse {
  return { match: null, reason: { code, message: REASONS[code] } };
}
