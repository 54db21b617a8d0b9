import type { AdaptiveCard } from '../adaptive-card';
import { renderCard } from '../render-card';
import template from './help-card.template.json';

/** The commands, with a lead line when the person typed something I did not understand. */
export function helpCard(input: { didNotUnderstand: boolean }): AdaptiveCard {
  return renderCard(template, {
    lead: input.didNotUnderstand
      ? "Sorry, I didn't understand that. I work best with a few short commands."
      : '',
  });
}
