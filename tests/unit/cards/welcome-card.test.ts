/** @jest-environment jsdom */
import { welcomeCard } from '../../../src/cards/welcome/welcome-card';
import { checkCard } from '../../support/bot-card-check';

test('the welcome card validates and names the three habits', () => {
  const check = checkCard(welcomeCard({ displayName: 'Ava Chen', known: true }));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Hi Ava');
  expect(check.text).toContain('Learning first');
  expect(check.text).toContain('Say what you seek');
  expect(check.text).toContain('Recap and confirm');
  expect(check.executes.map((e) => e.verb)).toEqual(['openNextUp', 'openSettings']);
});

test('the card check itself reports unknown elements, missing labels and leftover template expressions', () => {
  const check = checkCard({
    type: 'AdaptiveCard',
    version: '1.6',
    body: [
      { type: 'Input.Text', id: 'unlabelled' },
      { type: 'Bogus.Element' },
      { type: 'TextBlock', text: '${forgotten}' },
    ],
  });
  expect(check.unlabelledInputs).toEqual(['unlabelled']);
  expect(check.problems.some((p) => p.includes('above 1.5'))).toBe(true);
  expect(check.problems.some((p) => p.includes('template expression'))).toBe(true);
  expect(check.problems.some((p) => p.includes('Bogus.Element'))).toBe(true);
});
