import * as AC from 'adaptivecards';
import type { AdaptiveCard } from '../../src/cards/adaptive-card';

export interface CardCheck {
  /** Parse and validation events from the Adaptive Cards SDK: must be empty. */
  problems: string[];
  /** Ids of inputs (including those inside Action.ShowCard) that have no label. */
  unlabelledInputs: string[];
  inputIds: string[];
  /** Every Action.Execute as verb → data, with whether it carries an Action.Submit fallback. */
  executes: { verb: string; data: Record<string, unknown>; hasSubmitFallback: boolean }[];
  html: string;
  text: string;
}

// jsdom has no innerText (button titles and labels use it): map it to textContent.
if (!('innerText' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

// Text blocks reach the DOM through a tiny markdown step (escape, then **bold**), as hosts do.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  result.outputHtml = escaped.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  result.didProcess = true;
};

/** Parses, validates and renders a card with the real Adaptive Cards SDK (needs the jsdom environment). */
export function checkCard(json: AdaptiveCard): CardCheck {
  const problems: string[] = [];
  if (Number(json.version) > 1.5) problems.push(`version ${json.version} is above 1.5`);
  const raw = JSON.stringify(json);
  if (raw.includes('${')) problems.push('an unresolved template expression is left in the card');
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const inputs = card.getAllInputs(true);
  const rendered = card.render();
  if (!rendered) problems.push('the card did not render');
  const html = rendered?.outerHTML ?? '';
  return {
    problems,
    unlabelledInputs: inputs
      .filter((input) => !input.label || input.label.trim() === '')
      .map((input) => input.id ?? '?'),
    inputIds: inputs.map((input) => input.id ?? ''),
    executes: collectExecutes(json),
    html,
    text: (rendered?.textContent ?? '').replace(/\s+/g, ' '),
  };
}

function collectExecutes(node: unknown, found: CardCheck['executes'] = []): CardCheck['executes'] {
  if (Array.isArray(node)) {
    for (const item of node) collectExecutes(item, found);
  } else if (typeof node === 'object' && node !== null) {
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute' && typeof element.verb === 'string') {
      const fallback = element.fallback as Record<string, unknown> | undefined;
      found.push({
        verb: element.verb,
        data: (element.data ?? {}) as Record<string, unknown>,
        hasSubmitFallback:
          fallback?.type === 'Action.Submit' &&
          (fallback.data as Record<string, unknown>).verb === element.verb,
      });
    }
    for (const [key, value] of Object.entries(element))
      if (key !== 'fallback' && key !== 'refresh') collectExecutes(value, found);
  }
  return found;
}
