import { looksHosted } from '../../../src/tab/host/detect-host';
import { themeName } from '../../../src/tab/host/tab-theme';
import { parseRoute, routeHash } from '../../../src/tab/routing/use-hash-route';
import { recapStatusText } from '../../../src/web/components/RecapStatus/recap-status-text';

describe('tab routes in the URL hash', () => {
  it('reads the view and the selected 1:1, decoding ids with colons and slashes', () => {
    expect(parseRoute('#/recaps/ava%3AAAMk%2Fx%3D%3D')).toEqual({ view: 'recaps', itemId: 'ava:AAMk/x==' });
  });

  it('falls back to Next up for an unknown or empty hash', () => {
    expect(parseRoute('')).toEqual({ view: 'next-up', itemId: null });
    expect(parseRoute('#/preferences')).toEqual({ view: 'next-up', itemId: null });
  });

  it('knows Settings, so a reload there stays there', () => {
    expect(parseRoute('#/settings')).toEqual({ view: 'settings', itemId: null });
  });

  it('ignores a selection that is not valid percent-encoding', () => {
    expect(parseRoute('#/next-up/%E0%A4%A')).toEqual({ view: 'next-up', itemId: null });
  });

  it('writes a hash that reads back the same', () => {
    const route = { view: 'next-up' as const, itemId: 'ava:evt/1' };
    expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

describe('telling Teams from a plain browser', () => {
  const fakeWindow = (init: { framed: boolean; search?: string; native?: boolean }): Window => {
    const win: Record<string, unknown> = { location: { search: init.search ?? '' } };
    win.parent = init.framed ? {} : win;
    if (init.native) win.nativeInterface = {};
    return win as unknown as Window;
  };

  it('treats a top-level page without a native bridge as a plain browser', () => {
    expect(looksHosted(fakeWindow({ framed: false }))).toBe(false);
  });

  it('treats a framed page, a native bridge or ?host=teams as possibly hosted', () => {
    expect(looksHosted(fakeWindow({ framed: true }))).toBe(true);
    expect(looksHosted(fakeWindow({ framed: false, native: true }))).toBe(true);
    expect(looksHosted(fakeWindow({ framed: false, search: '?host=teams' }))).toBe(true);
  });

  it('maps Teams themes, drawing unknown ones (such as glass) like the default', () => {
    expect(['default', 'dark', 'contrast', 'glass', undefined].map(themeName)).toEqual([
      'default',
      'dark',
      'contrast',
      'default',
      'default',
    ]);
  });
});

describe('recap status in words', () => {
  const base = {
    id: 'r',
    version: 1,
    requiresAcknowledgement: true,
    sentAt: '2026-11-23T12:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    changeRequest: null,
  };

  it('says a sent curiosity recap needs no confirmation', () => {
    const text = recapStatusText(
      { ...base, state: 'sent', requiresAcknowledgement: false },
      'Pia Novak',
      'UTC',
    );
    expect(text.badge).toBe('Sent');
    expect(text.sentence).toMatch(/No confirmation needed/);
  });

  it('quotes the comment of a change request and names who asked', () => {
    const text = recapStatusText(
      {
        ...base,
        state: 'changeRequested',
        changeRequest: {
          comment: 'Dates are off',
          by: { id: 'max', displayName: 'Max Moreau' },
          at: base.sentAt,
          version: 1,
        },
      },
      'Max Moreau',
      'UTC',
    );
    expect(text.badge).toBe('Change requested');
    expect(text.sentence).toMatch(/^Max Moreau asked for a change on .*: “Dates are off”$/);
  });
});
