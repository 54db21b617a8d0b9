/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RecapDto } from '../../../src/api/contract/api-types';
import { ApiError } from '../../../src/web/api/api-error';
import { RecapEditor } from '../../../src/web/components/RecapEditor';
import { formatDay } from '../../../src/web/format/format-date';
import { FakeCareerApi } from './support/fake-career-api';
import { installBrowserShims, renderWithApi } from './support/render-with-api';

installBrowserShims();

const SENT: RecapDto = {
  id: 'ava~r2',
  oneOnOneId: 'ava:evt-1',
  state: 'sent',
  version: 1,
  requiresAcknowledgement: true,
  sentAt: '2026-11-23T12:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  changeRequest: null,
  author: { id: 'ava', displayName: 'Ava Chen' },
  recipient: { id: 'max', displayName: 'Max Moreau' },
  topics: ['Data modelling'],
  actions: [
    { id: 'a1', text: 'Introduce Ava to the platform team', owner: 'recipient', dueOn: '2026-12-05' },
  ],
  history: [],
  createdAt: '2026-11-23T11:00:00.000Z',
  updatedAt: '2026-11-23T12:00:00.000Z',
};

function renderEditor(api: FakeCareerApi, onChange?: (recap: RecapDto) => void, saveDelayMs = 5) {
  return renderWithApi(
    <RecapEditor
      oneOnOneId="ava:evt-1"
      timeZone="Europe/London"
      saveDelayMs={saveDelayMs}
      {...(onChange ? { onChange } : {})}
    />,
    api,
  );
}

describe('RecapEditor', () => {
  it('starts a new recap from the agenda’s prefill', async () => {
    renderEditor(new FakeCareerApi());
    const topic = await screen.findByRole('textbox', { name: 'Topic 1' });
    expect((topic as HTMLInputElement).value).toBe('Learning: Data modelling');
    expect(screen.getByText('No recap yet')).toBeTruthy();
  });

  it('writes topics and an action with owner and due date, then sends it to the manager', async () => {
    const api = new FakeCareerApi();
    const changes: string[] = [];
    renderEditor(api, (recap) => changes.push(recap.state), 60_000);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Topic 1' }), {
      target: { value: 'Moving towards data work' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Action 1' }), {
      target: { value: 'Find a stretch project' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Action 1: who' }), {
      target: { value: 'recipient' },
    });
    fireEvent.change(screen.getByLabelText('Action 1: due'), { target: { value: '2026-12-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to Max' }));
    expect(await screen.findByText('Waiting for confirmation')).toBeTruthy();
    expect(api.recapWrites).toEqual([
      {
        topics: ['Moving towards data work'],
        actions: [{ text: 'Find a stretch project', owner: 'recipient', dueOn: '2026-12-10' }],
      },
    ]);
    expect(changes).toEqual(['draft', 'sent']);
    expect(screen.getByText(/Max Moreau: Find a stretch project/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /send/i })).toBeNull();
  });

  it('shows a refused due date on that action’s due field and keeps what was typed', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Add an action' }));
    api.failNext(
      'writeRecap',
      new ApiError(400, 'validation_failed', 'Action 1 is due 2026-11-01, which has passed.', [
        {
          field: 'actions[0].dueOn',
          code: 'recap.bad_due_date',
          message: 'Action 1 is due 2026-11-01, which has passed.',
        },
      ]),
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Action 1' }), { target: { value: 'Too late' } });
    const messages = await screen.findAllByText('Action 1 is due 2026-11-01, which has passed.');
    expect(messages.length).toBeGreaterThan(0);
    expect(screen.getByLabelText('Action 1: due').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Action 1' }).value).toBe('Too late');
    expect(screen.getByText('Not saved: fix the highlighted fields')).toBeTruthy();
    expect(api.calls).not.toContain('sendRecap');
  });

  it('saves the draft as I type and says so, without sending it', async () => {
    const api = new FakeCareerApi();
    const changes: string[] = [];
    renderEditor(api, (recap) => changes.push(recap.state));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Topic 1' }), {
      target: { value: 'Moving towards data work' },
    });
    await screen.findByText(/all changes saved/i);
    expect(api.recapWrites).toEqual([{ topics: ['Moving towards data work'], actions: [] }]);
    expect(changes).toEqual(['draft']);
    expect(api.calls).not.toContain('sendRecap');
  });

  it('does not save a recap emptied of every topic and action, and says why', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Topic 1' }), { target: { value: ' ' } });
    expect(await screen.findByText(/a recap needs at least one topic or one agreed action/i)).toBeTruthy();
    expect(api.recapWrites).toEqual([]);
  });

  it('sends what I typed at once, with keepalive, when the page is closed before the typing pause', async () => {
    const api = new FakeCareerApi();
    renderEditor(api, undefined, 60_000);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Topic 1' }), {
      target: { value: 'Rotation timing' },
    });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await waitFor(() => {
      expect(api.recapState.recap?.topics).toEqual(['Rotation timing']);
    });
    expect(api.keptAlive).toEqual(['writeRecap']);
  });

  it('sends the agenda’s prefill as the recap when nothing was typed', async () => {
    const api = new FakeCareerApi();
    renderEditor(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Send to Max' }));
    expect(await screen.findByText('Waiting for confirmation')).toBeTruthy();
    expect(api.recapWrites).toEqual([{ topics: ['Learning: Data modelling'], actions: [] }]);
  });

  it('shows a sent recap read-only and who it waits for', async () => {
    const api = new FakeCareerApi();
    api.recapState = { ...api.recapState, recap: SENT, prefill: null };
    renderEditor(api);
    expect(await screen.findByText(/waiting for Max Moreau to confirm/)).toBeTruthy();
    const agreed = screen.getByRole('heading', { name: 'What we agreed' }).parentElement!;
    expect(within(agreed).getByText(/Max Moreau: Introduce Ava to the platform team/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says who acknowledged the recap and when', async () => {
    const api = new FakeCareerApi();
    api.recapState = {
      ...api.recapState,
      prefill: null,
      recap: {
        ...SENT,
        state: 'acknowledged',
        acknowledgedAt: '2026-11-24T08:00:00.000Z',
        acknowledgedBy: { id: 'max', displayName: 'Max Moreau' },
      },
    };
    renderEditor(api);
    expect(await screen.findByText('Acknowledged')).toBeTruthy();
    expect(
      screen.getByText(
        `Acknowledged by Max Moreau on ${formatDay('2026-11-24T08:00:00.000Z', 'Europe/London')}.`,
      ),
    ).toBeTruthy();
  });

  it('shows the change the manager asked for and sends the revision as the next version', async () => {
    const api = new FakeCareerApi();
    api.recapState = {
      ...api.recapState,
      prefill: null,
      recap: {
        ...SENT,
        state: 'changeRequested',
        changeRequest: {
          comment: 'The intro is mine, by Friday',
          by: { id: 'max', displayName: 'Max Moreau' },
          at: '2026-11-24T08:00:00.000Z',
          version: 1,
        },
      },
    };
    renderEditor(api);
    expect(await screen.findByText('Max Moreau asked for a change')).toBeTruthy();
    expect(screen.getAllByText(/The intro is mine, by Friday/).length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Action 1: due'), { target: { value: '2026-11-27' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the revised recap to Max' }));
    await waitFor(() => {
      expect(api.recapState.recap?.version).toBe(2);
    });
    expect(api.recapWrites[0]?.actions[0]).toEqual({
      id: 'a1',
      text: 'Introduce Ava to the platform team',
      owner: 'recipient',
      dueOn: '2026-11-27',
    });
  });
});
