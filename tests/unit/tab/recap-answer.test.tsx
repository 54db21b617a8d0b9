/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import type { TeamRecapDto } from '../../../src/api/contract/api-types';
import { ApiError } from '../../../src/web/api/api-error';
import { RecapAnswer } from '../../../src/web/components/RecapAnswer';
import { formatDay } from '../../../src/web/format/format-date';
import { FakeCareerApi } from './support/fake-career-api';
import { installBrowserShims, renderWithApi } from './support/render-with-api';

installBrowserShims();

const WAITING: TeamRecapDto = {
  id: 'ava~r9',
  version: 2,
  topics: ['Data modelling'],
  actions: [
    { id: 'a1', text: 'Introduce Ava to the platform team', owner: 'recipient', dueOn: '2026-12-05' },
    { id: 'a2', text: 'Shadow a design review', owner: 'author', dueOn: '2026-12-12' },
  ],
  sentAt: '2026-11-23T12:00:00.000Z',
  oneOnOneId: 'ava:evt-9',
  meetingStartsAt: '2026-11-23T09:00:00.000Z',
};

function renderAnswer(api: FakeCareerApi) {
  return renderWithApi(<RecapAnswer recap={WAITING} authorName="Ava Chen" timeZone="Europe/London" />, api);
}

describe('RecapAnswer (My team)', () => {
  it('shows the recap from the manager’s side: what they owe and what the report owes', () => {
    renderAnswer(new FakeCareerApi());
    expect(screen.getByRole('heading', { name: /Recap from Ava Chen/ })).toBeTruthy();
    expect(screen.getByText(/You: Introduce Ava to the platform team/)).toBeTruthy();
    expect(screen.getByText(/Ava: Shadow a design review/)).toBeTruthy();
  });

  it('acknowledges the version shown and says so', async () => {
    const api = new FakeCareerApi();
    renderAnswer(api);
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(
      await screen.findByText(
        `You acknowledged this recap on ${formatDay('2026-11-24T10:00:00.000Z', 'Europe/London')}.`,
      ),
    ).toBeTruthy();
    expect(api.calls).toContain('acknowledgeRecap:ava~r9:v2');
  });

  it('asks for a comment before suggesting a change', async () => {
    const api = new FakeCareerApi();
    renderAnswer(api);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest a change' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send suggestion' }));
    expect(await screen.findByText('Say what should change so it can be revised.')).toBeTruthy();
    expect(api.calls.filter((c) => c.startsWith('requestRecapChange'))).toEqual([]);
  });

  it('sends the suggested change with its comment', async () => {
    const api = new FakeCareerApi();
    renderAnswer(api);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest a change' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'What should change?' }), {
      target: { value: 'The intro is by Friday' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send suggestion' }));
    expect(await screen.findByText(/You asked Ava for a change/)).toBeTruthy();
    expect(api.calls).toContain('requestRecapChange:ava~r9:v2:The intro is by Friday');
  });

  it('explains a refusal and lets the manager try again', async () => {
    const api = new FakeCareerApi();
    api.failNext('acknowledgeRecap', new ApiError(409, 'recap.stale_version', 'Answer the latest version.'));
    renderAnswer(api);
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText('Answer the latest version.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Acknowledge' }).hasAttribute('disabled')).toBe(false);
  });
});
