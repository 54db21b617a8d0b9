import type { AdaptiveCard } from '../adaptive-card';
import { noticeFields } from '../adaptive-card';
import { firstName } from '../card-format';
import { renderCard } from '../render-card';
import template from './welcome-card.template.json';

export interface WelcomeCardInput {
  displayName: string;
  /** False when the directory has not told us about this person yet (calendar not connected). */
  known: boolean;
}

/** The first thing a person sees after adding the app: the three habits and how to steer the prompts. */
export function welcomeCard(input: WelcomeCardInput): AdaptiveCard {
  const name = firstName(input.displayName);
  return renderCard(template, {
    firstName: name === '' ? 'there' : name,
    ...noticeFields(
      input.known
        ? null
        : {
            text: 'Your calendar is not connected yet. Prompts start once your 1:1s show up here.',
            tone: 'warning',
          },
    ),
  });
}
