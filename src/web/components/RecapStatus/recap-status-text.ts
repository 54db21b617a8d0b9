import type { RecapSummaryDto } from '../../../api/contract/api-types';
import { formatDay } from '../../format/format-date';

export type RecapBadgeColor = 'informative' | 'warning' | 'success' | 'danger' | 'subtle';

export interface RecapStatusText {
  badge: string;
  color: RecapBadgeColor;
  sentence: string;
}

/** The recap's acknowledgement state in words: who, what and when. */
export function recapStatusText(
  recap: RecapSummaryDto | null,
  counterpartName: string,
  timeZone: string,
): RecapStatusText {
  if (!recap)
    return {
      badge: 'No recap yet',
      color: 'subtle',
      sentence: 'Write a short recap of what you covered and agreed.',
    };
  const day = (iso: string | null): string => (iso ? formatDay(iso, timeZone) : '');
  switch (recap.state) {
    case 'draft':
      return {
        badge: 'Draft',
        color: 'informative',
        sentence: `Not sent yet. ${counterpartName} has not seen it.`,
      };
    case 'sent':
      return recap.requiresAcknowledgement
        ? {
            badge: 'Waiting for confirmation',
            color: 'warning',
            sentence: `Sent on ${day(recap.sentAt)} (version ${recap.version}); waiting for ${counterpartName} to confirm.`,
          }
        : {
            badge: 'Sent',
            color: 'success',
            sentence: `Sent to ${counterpartName} on ${day(recap.sentAt)}. No confirmation needed.`,
          };
    case 'acknowledged':
      return {
        badge: 'Acknowledged',
        color: 'success',
        sentence: `Acknowledged by ${recap.acknowledgedBy?.displayName ?? counterpartName} on ${day(recap.acknowledgedAt)}.`,
      };
    case 'changeRequested':
      return {
        badge: 'Change requested',
        color: 'danger',
        sentence: `${recap.changeRequest?.by.displayName ?? counterpartName} asked for a change on ${day(recap.changeRequest?.at ?? null)}: “${recap.changeRequest?.comment ?? ''}”`,
      };
  }
}
