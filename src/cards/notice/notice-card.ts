import type { AdaptiveCard, NoticeTone } from '../adaptive-card';
import { renderCard } from '../render-card';
import template from './notice-card.template.json';

/** A card that only says something: a refusal, or that what the card showed no longer exists. */
export function noticeCard(input: { title: string; text?: string; tone?: NoticeTone }): AdaptiveCard {
  return renderCard(template, { title: input.title, text: input.text ?? '', style: input.tone ?? 'accent' });
}
