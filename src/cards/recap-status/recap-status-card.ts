import type { AdaptiveCard, CardNotice, NoticeTone } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { firstName, meetingTime } from '../card-format';
import type { RecapCardView } from '../recap-view';
import { actionLine, recapDay } from '../recap-view';
import { renderCard, withRefresh } from '../render-card';
import template from './recap-status-card.template.json';

/** The author's card once a recap is out: where it stands, and what was sent. */
export function recapStatusCard(view: RecapCardView, notice?: CardNotice | null): AdaptiveCard {
  const { recap } = view;
  const who = firstName(view.recipientName);
  const status = statusOf(view, who);
  const card = renderCard(template, {
    heading: `Your recap of the 1:1 with ${view.recipientName}`,
    subheading: recap.version > 1 ? `${recapDay(view)} · version ${recap.version}` : recapDay(view),
    ...status,
    topics: recap.topics,
    actions: recap.actions.map((a) => actionLine(a, view, 'author')),
    oneOnOneId: recap.oneOnOneId,
    ...noticeFields(notice),
  });
  return withRefresh(
    card,
    'refreshRecap',
    { recapId: recap.id, version: recap.version },
    view.refreshUserIds ?? [],
  );
}

function statusOf(
  view: RecapCardView,
  who: string,
): { statusText: string; statusDetail: string; statusStyle: NoticeTone | 'emphasis'; editTitle: string } {
  const { recap } = view;
  switch (recap.state) {
    case 'draft':
      return {
        statusText: 'Draft: not sent yet.',
        statusDetail: '',
        statusStyle: 'emphasis',
        editTitle: 'Continue the recap',
      };
    case 'sent':
      return recap.requiresAcknowledgement
        ? {
            statusText: `Waiting for ${who} to confirm.`,
            statusDetail: recap.sentAt ? `Sent ${meetingTime(recap.sentAt, view.timeZone)}.` : '',
            statusStyle: 'accent',
            editTitle: '',
          }
        : {
            statusText: `Sent to ${who}.`,
            statusDetail: recap.sentAt ? `Sent ${meetingTime(recap.sentAt, view.timeZone)}.` : '',
            statusStyle: 'good',
            editTitle: '',
          };
    case 'changeRequested':
      return {
        statusText: `${who} asked for a change.`,
        statusDetail: recap.changeRequest ? `“${recap.changeRequest.comment}”` : '',
        statusStyle: 'warning',
        editTitle: 'Revise the recap',
      };
    case 'acknowledged':
      return {
        statusText: `${who} acknowledged this recap.`,
        statusDetail: recap.acknowledgedAt ? `On ${meetingTime(recap.acknowledgedAt, view.timeZone)}.` : '',
        statusStyle: 'good',
        editTitle: '',
      };
  }
}
