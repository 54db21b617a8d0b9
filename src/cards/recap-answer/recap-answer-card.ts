import type { AdaptiveCard, CardNotice, NoticeTone } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { firstName, meetingTime } from '../card-format';
import type { RecapCardView } from '../recap-view';
import { actionLine, recapDay } from '../recap-view';
import { renderCard, withRefresh } from '../render-card';
import template from './recap-answer-card.template.json';

export interface RecapAnswerCardOptions {
  /** The version this card shows; older than the recap's means a revision superseded it. */
  cardVersion: number;
  reminder?: boolean;
  notice?: CardNotice | null;
}

/** The recipient's card: the recap as sent, with Acknowledge and Suggest a change while it waits on them. */
export function recapAnswerCard(view: RecapCardView, options: RecapAnswerCardOptions): AdaptiveCard {
  const { recap } = view;
  const who = firstName(view.authorName);
  const superseded = options.cardVersion < recap.version;
  const status = superseded ? supersededStatus(recap.version, who) : statusOf(view);
  const canAnswer = !superseded && recap.state === 'sent';
  const card = renderCard(template, {
    heading:
      options.reminder && canAnswer
        ? `Reminder: ${view.authorName} is waiting for your answer`
        : `${view.authorName} sent you a recap`,
    subheading: `1:1 on ${recapDay(view)}${options.cardVersion > 1 ? ` · version ${options.cardVersion}` : ''}`,
    intro: canAnswer
      ? recap.requiresAcknowledgement
        ? 'Does this match what you remember? Acknowledge it, or suggest a change.'
        : `${who} would like to know if anything was missed.`
      : '',
    topics: superseded ? [] : recap.topics,
    actions: superseded ? [] : recap.actions.map((a) => actionLine(a, view, 'recipient')),
    ...status,
    canAnswer,
    recapId: recap.id,
    version: options.cardVersion,
    ...noticeFields(options.notice),
  });
  return withRefresh(
    card,
    'refreshRecap',
    { recapId: recap.id, version: options.cardVersion },
    view.refreshUserIds ?? [],
  );
}

type Status = { statusText: string; statusDetail: string; statusStyle: NoticeTone | 'emphasis' };

function supersededStatus(version: number, who: string): Status {
  return {
    statusText: `Replaced by version ${version}.`,
    statusDetail: `${who} revised this recap; answer the newer card instead.`,
    statusStyle: 'warning',
  };
}

function statusOf(view: RecapCardView): Status {
  const { recap } = view;
  switch (recap.state) {
    case 'draft':
    case 'sent':
      return { statusText: '', statusDetail: '', statusStyle: 'emphasis' };
    case 'changeRequested':
      return {
        statusText: 'You asked for a change.',
        statusDetail: recap.changeRequest
          ? `“${recap.changeRequest.comment}” The revised recap will arrive as a new message.`
          : 'The revised recap will arrive as a new message.',
        statusStyle: 'warning',
      };
    case 'acknowledged':
      return {
        statusText: 'You acknowledged this recap.',
        statusDetail: recap.acknowledgedAt ? `On ${meetingTime(recap.acknowledgedAt, view.timeZone)}.` : '',
        statusStyle: 'good',
      };
  }
}
