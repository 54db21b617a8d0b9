import type { OneOnOne } from '../core/one-on-one';
import type { Recap, RecapAction } from '../core/recap';
import { firstName, meetingDay, shortDate } from './card-format';

/** A recap with what its cards need to describe it to one reader. */
export interface RecapCardView {
  recap: Recap;
  /** The author's 1:1, for the meeting day; null when it has left the calendar. */
  oneOnOne: OneOnOne | null;
  authorName: string;
  recipientName: string;
  /** The reader's time zone. */
  timeZone: string;
  /** Teams user ids (MRIs) of both people, for the card's automatic refresh. */
  refreshUserIds?: readonly string[];
}

export function recapDay(view: RecapCardView): string {
  return meetingDay(view.oneOnOne?.startsAt ?? view.recap.createdAt, view.timeZone);
}

/** One agreed action as a line, from the reader's side ("You", or the other person's first name). */
export function actionLine(action: RecapAction, view: RecapCardView, reader: 'author' | 'recipient'): string {
  const mine = action.owner === reader;
  const other = reader === 'author' ? view.recipientName : view.authorName;
  return `${mine ? 'You' : firstName(other)}: ${action.text} (by ${shortDate(action.dueOn)})`;
}
