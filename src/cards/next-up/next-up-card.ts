import type { OneOnOne, Relationship } from '../../core/one-on-one';
import type { AdaptiveCard, CardNotice } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { meetingTime } from '../card-format';
import { renderCard } from '../render-card';
import template from './next-up-card.template.json';

export interface UpcomingItem {
  oneOnOne: OneOnOne;
  agendaState: 'none' | 'written' | 'shared';
}

export interface NextUpCardInput {
  upcoming: readonly UpcomingItem[];
  timeZone: string;
  notice?: CardNotice | null;
}

const KIND: Record<Relationship, string> = {
  manager: '1:1 with your manager',
  peer: 'Curiosity conversation',
  directReport: '1:1 with someone you manage',
  external: 'Meeting with someone outside your organisation',
};

/** My next 1:1 with how far its agenda is, and the few after it. */
export function nextUpCard(input: NextUpCardInput): AdaptiveCard {
  const [first, ...rest] = input.upcoming;
  const next = first
    ? {
        title: first.oneOnOne.counterpart.name,
        whenText: meetingTime(first.oneOnOne.startsAt, input.timeZone),
        kindText: KIND[first.oneOnOne.relationship],
        agendaText: agendaText(first),
        oneOnOneId: first.oneOnOne.id,
        openTitle: first.agendaState === 'none' ? 'Prepare the agenda' : 'Open the agenda',
      }
    : null;
  return renderCard(template, {
    hasNext: next !== null,
    next: next ?? { title: '', whenText: '', kindText: '', agendaText: '', oneOnOneId: '', openTitle: '' },
    later: rest.slice(0, 3).map((item) => ({
      text: `${meetingTime(item.oneOnOne.startsAt, input.timeZone)}: ${item.oneOnOne.counterpart.name}`,
    })),
    ...noticeFields(input.notice),
  });
}

function agendaText(item: UpcomingItem): string {
  const first = item.oneOnOne.counterpart.name.split(/\s+/)[0] ?? item.oneOnOne.counterpart.name;
  switch (item.agendaState) {
    case 'none':
      return 'Not started yet';
    case 'written':
      return `Written, not shared with ${first} yet`;
    case 'shared':
      return `Shared with ${first}`;
  }
}
