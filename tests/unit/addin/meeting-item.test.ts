import { meetingItemFrom, OfficeCallError } from '../../../src/addin/office/meeting-item';
import type { ComposeBody } from './office-mailbox';
import { AVA, composeModeItem, END, MAX, readModeItem, START } from './office-mailbox';

describe('MeetingItem over Office.context.mailbox.item', () => {
  it('reads start, end and attendees as plain values in read mode, organizer first and each address once', async () => {
    const item = meetingItemFrom(readModeItem([AVA, MAX, { ...MAX, emailAddress: 'max@contoso.example' }]));
    expect(item?.mode).toBe('read');
    expect(item?.body).toBeNull();
    expect(await item?.details()).toEqual({
      start: START,
      end: END,
      attendees: [
        { email: MAX.emailAddress, name: 'Max Moreau' },
        { email: AVA.emailAddress, name: 'Ava Chen' },
      ],
    });
  });

  it('reads start, end and attendees through getAsync in compose mode', async () => {
    const body: ComposeBody = { content: '', type: 'html', calls: [] };
    const item = meetingItemFrom(composeModeItem(body));
    expect(item?.mode).toBe('compose');
    expect(await item?.details()).toEqual({
      start: START,
      end: END,
      attendees: [
        { email: AVA.emailAddress, name: 'Ava Chen' },
        { email: MAX.emailAddress, name: 'Max Moreau' },
      ],
    });
  });

  it('turns a failed getAsync into an OfficeCallError naming the call', async () => {
    const item = meetingItemFrom({
      itemType: 'appointment',
      start: {
        getAsync: (cb: (r: unknown) => void) => {
          cb({ status: 'failed', value: undefined, error: { message: 'busy' } });
        },
      },
      end: {
        getAsync: (cb: (r: unknown) => void) => {
          cb({ status: 'succeeded', value: END });
        },
      },
      requiredAttendees: {
        getAsync: (cb: (r: unknown) => void) => {
          cb({ status: 'succeeded', value: [] });
        },
      },
      body: {},
    });
    await expect(item?.details()).rejects.toEqual(new OfficeCallError('start.getAsync', 'busy'));
  });

  it('is null for a message, or outside Outlook', () => {
    expect(meetingItemFrom({ itemType: 'message' })).toBeNull();
    expect(meetingItemFrom(undefined)).toBeNull();
  });
});
