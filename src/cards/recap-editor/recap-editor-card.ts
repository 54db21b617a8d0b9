import type { OneOnOne } from '../../core/one-on-one';
import type { RecapContent } from '../../core/recap';
import { RECAP_LIMITS } from '../../core/recap';
import { composeRecapMessage } from '../../core/recap-message';
import type { AdaptiveCard, CardNotice } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { firstName, meetingDay } from '../card-format';
import { renderCard } from '../render-card';
import template from './recap-editor-card.template.json';

export interface RecapEditorCardInput {
  /** The author's own 1:1. */
  oneOnOne: OneOnOne;
  authorName: string;
  timeZone: string;
  /** `YYYY-MM-DD` in the author's time zone: the earliest due date. */
  today: string;
  content: RecapContent;
  requiresAcknowledgement: boolean;
  changeRequest: { byName: string; comment: string } | null;
  problems?: readonly string[];
  notice?: CardNotice | null;
}

export const RECAP_ACTION_ROWS = 3;

/** The recap the author edits and sends: topics, agreed actions, and the message the other person will get. */
export function recapEditorCard(input: RecapEditorCardInput): AdaptiveCard {
  const { oneOnOne, content } = input;
  const counterpart = oneOnOne.counterpart.name;
  const who = firstName(counterpart);
  const day = meetingDay(oneOnOne.startsAt, input.timeZone);
  const rowCount = Math.min(RECAP_LIMITS.actions, Math.max(RECAP_ACTION_ROWS, content.actions.length + 1));
  const rows = Array.from({ length: rowCount }, (_, index) => {
    const action = content.actions[index];
    return {
      index,
      number: index + 1,
      text: action?.text ?? '',
      owner: action?.owner ?? 'author',
      dueOn: action?.dueOn ?? '',
    };
  });
  const message = composeRecapMessage({
    ...content,
    authorName: input.authorName,
    recipientName: counterpart,
    meetingDay: day,
    requiresAcknowledgement: input.requiresAcknowledgement,
  });
  return renderCard(template, {
    heading: `Recap your 1:1 with ${counterpart}`,
    intro: input.requiresAcknowledgement
      ? `From ${day}. Note what you covered and who does what by when; ${who} confirms it.`
      : `From ${day}. A short note of what you covered and agreed keeps it from fading.`,
    changeBy: input.changeRequest?.byName ?? '',
    changeText: input.changeRequest ? `“${input.changeRequest.comment}”` : '',
    topics: content.topics.join('\n'),
    rows,
    rowCount,
    actionIds: rows.map((row) => content.actions[row.index]?.id ?? ''),
    counterpartFirst: who,
    today: input.today,
    preview: previewLines(message),
    sendTitle: input.changeRequest
      ? 'Send the revised recap'
      : input.requiresAcknowledgement
        ? `Send to ${who} to confirm`
        : `Send to ${who}`,
    oneOnOneId: oneOnOne.id,
    problems: input.problems ?? [],
    ...noticeFields(input.notice),
  });
}

function previewLines(message: string): { text: string; spacing: string }[] {
  const lines: { text: string; spacing: string }[] = [];
  let gap = false;
  for (const line of message.split('\n')) {
    if (line.trim() === '') {
      gap = true;
      continue;
    }
    lines.push({ text: line, spacing: gap ? 'Medium' : 'None' });
    gap = false;
  }
  return lines;
}
