import type { AdaptiveCard } from '../adaptive-card';
import { firstName } from '../card-format';
import { renderCard } from '../render-card';
import template from './cadence-nudge-card.template.json';

export interface CadenceNudgeCardInput {
  displayName: string;
  nudgeAfterWeeks: number;
  /** Days since the last career conversation ended; null when there has been none. */
  daysSinceLast: number | null;
  /** The most recent thing the person said they want to learn ('' when none). */
  learningFocus: string;
  knowledgeHolders: readonly string[];
}

/** A gentle nudge when career conversations have gone quiet: suggest a curiosity conversation. */
export function cadenceNudgeCard(input: CadenceNudgeCardInput): AdaptiveCard {
  const weeks = input.daysSinceLast === null ? null : Math.floor(input.daysSinceLast / 7);
  return renderCard(template, {
    heading: `${firstName(input.displayName) || 'Hi'}, time for a career conversation?`,
    since:
      weeks === null
        ? "I haven't seen a career conversation on your calendar yet."
        : `Your last career conversation was ${weeks === 1 ? 'a week' : `${weeks} weeks`} ago.`,
    suggestion:
      input.learningFocus === ''
        ? 'Pick one thing you would like to learn next and someone who already knows it, then ask them for half an hour. A curiosity conversation is the quickest way in.'
        : `You said you want to learn: ${input.learningFocus}. Half an hour with someone who already knows it is the quickest way in. Why not book a curiosity conversation this week?`,
    holders: input.knowledgeHolders.slice(0, 5),
    weeks: input.nudgeAfterWeeks,
  });
}
