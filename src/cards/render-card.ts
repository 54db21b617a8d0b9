import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard, CardElement } from './adaptive-card';

const compiled = new WeakMap<object, Template>();

/** Fills a card template with typed data (parsed once per template, then only expanded). */
export function renderCard(template: object, data: object): AdaptiveCard {
  let engine = compiled.get(template);
  if (!engine) {
    engine = new Template(template);
    compiled.set(template, engine);
  }
  const card = engine.expand({ $root: data }) as AdaptiveCard;
  return withSubmitFallbacks(card);
}

/**
 * Clients without Universal Actions get an Action.Submit carrying the same verb and data,
 * so one handler serves both (the bot reads `verb` from the submitted value).
 * Changes the card in place: it is always a fresh expansion.
 */
export function withSubmitFallbacks<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const item of node) withSubmitFallbacks(item);
    return node;
  }
  if (typeof node !== 'object' || node === null) return node;
  const element = node as CardElement;
  for (const [key, value] of Object.entries(element))
    if (key !== 'refresh' && key !== 'data') withSubmitFallbacks(value);
  if (element.type === 'Action.Execute' && element.fallback === undefined) {
    const data = typeof element.data === 'object' && element.data !== null ? element.data : {};
    element.fallback = { type: 'Action.Submit', title: element.title, data: { ...data, verb: element.verb } };
  }
  return node;
}

/** Adds a Universal Actions refresh so the listed people see the current state whenever they open the card. */
export function withRefresh(
  card: AdaptiveCard,
  verb: string,
  data: Record<string, unknown>,
  userIds: readonly string[],
): AdaptiveCard {
  // Teams refreshes automatically for at most 60 people per card.
  const ids = [...new Set(userIds)].slice(0, 60);
  if (ids.length === 0) return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb, data }, userIds: ids } };
}
