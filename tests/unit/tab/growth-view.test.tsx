/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { GrowthResponse, MeResponse } from '../../../src/api/contract/api-types';
import { GrowthView } from '../../../src/tab/views/GrowthView';
import { FakeCareerApi } from './support/fake-career-api';
import { installBrowserShims, renderWithApi } from './support/render-with-api';

installBrowserShims();

const ME: MeResponse = {
  person: {
    id: 'riley',
    displayName: 'Riley Novak',
    jobTitle: null,
    email: 'riley@contoso.example',
    timeZone: 'UTC',
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  },
  manager: null,
  hasReports: false,
  profile: 'demo',
};

function growth(
  overrides: Partial<GrowthResponse['cadence']>,
  entries: GrowthResponse['entries'] = [],
): GrowthResponse {
  return {
    entries,
    cadence: {
      months: [
        { month: '2026-06', withManager: 0, curiosity: 0 },
        { month: '2026-07', withManager: 1, curiosity: 0 },
        { month: '2026-08', withManager: 0, curiosity: 0 },
        { month: '2026-09', withManager: 1, curiosity: 1 },
        { month: '2026-10', withManager: 0, curiosity: 0 },
        { month: '2026-11', withManager: 0, curiosity: 0 },
      ],
      withManagerPerMonth: 0.3,
      curiosityPerMonth: 0.3,
      lastConversationAt: '2026-09-20T10:00:00.000Z',
      daysSinceLast: 65,
      overdueActions: 0,
      recapsPendingAcknowledgement: 0,
      nudge: true,
      nudgeAfterWeeks: 4,
      ...overrides,
    },
  };
}

function renderGrowth(data: GrowthResponse) {
  const api = new FakeCareerApi();
  api.growth = () => Promise.resolve(data);
  return renderWithApi(
    <GrowthView me={ME} route={{ view: 'growth', itemId: null }} navigate={() => undefined} />,
    api,
  );
}

describe('GrowthView', () => {
  it('nudges when the last career conversation is weeks ago', async () => {
    renderGrowth(growth({}));
    expect(await screen.findByText('Time for a conversation?')).toBeTruthy();
    expect(screen.getByText(/65 days ago/)).toBeTruthy();
  });

  it('does not nudge when conversations are regular', async () => {
    renderGrowth(growth({ nudge: false }));
    await screen.findByText('Your rhythm');
    expect(screen.queryByText('Time for a conversation?')).toBeNull();
  });

  it('gives the six-month chart a table with the same numbers for screen readers', async () => {
    renderGrowth(growth({}));
    const table = await screen.findByRole('table', { name: 'Career conversations per month, last 6 months' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(7);
    expect(
      within(rows[4]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '1']);
  });

  it('lists what I set out to learn and whether it was followed up', async () => {
    renderGrowth(
      growth({ nudge: false }, [
        {
          oneOnOneId: 'riley:e1',
          date: '2026-09-20T10:00:00.000Z',
          counterpartName: 'Jordan Rivera',
          learningFocus: 'Incident command',
          asks: [{ wanted: 'Lead the next game day', support: 'A shadow session' }],
          answered: true,
          upcoming: false,
        },
      ]),
    );
    expect(await screen.findByText('Wanted to learn: Incident command')).toBeTruthy();
    expect(screen.getByText('Followed up in a recap')).toBeTruthy();
    expect(screen.getByText(/Asked for Lead the next game day/)).toBeTruthy();
  });
});
