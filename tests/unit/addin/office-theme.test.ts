import type { ThemeKind } from '../../../src/addin/office/office-theme';
import { followOfficeTheme, officeThemeKind } from '../../../src/addin/office/office-theme';
import type { OfficeRuntime, OfficeThemeColors } from '../../../src/addin/office/office-types';
import { themedOutlook } from './office-mailbox';

/** Outlook's themes as Office reports them (body, then control colours). */
const WHITE: OfficeThemeColors = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#242424',
};
const BLACK: OfficeThemeColors = {
  bodyBackgroundColor: '#292929',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#1F1F1F',
  controlForegroundColor: '#FFFFFF',
};

describe('officeThemeKind: dark or light from Office.context.officeTheme', () => {
  it('takes isDarkTheme when the host gives it, whatever the colours say', () => {
    expect(officeThemeKind({ ...WHITE, isDarkTheme: true })).toBe('dark');
    expect(officeThemeKind({ ...BLACK, isDarkTheme: false })).toBe('light');
  });

  it('otherwise reads the body background: dark backgrounds are dark, light ones light', () => {
    expect(officeThemeKind(BLACK)).toBe('dark');
    expect(officeThemeKind({ bodyBackgroundColor: '#000' })).toBe('dark');
    expect(officeThemeKind({ bodyBackgroundColor: '#444444' })).toBe('dark');
    expect(officeThemeKind({ bodyBackgroundColor: '1f1f1f' })).toBe('dark');
    expect(officeThemeKind(WHITE)).toBe('light');
    expect(officeThemeKind({ bodyBackgroundColor: '#fff' })).toBe('light');
    expect(officeThemeKind({ bodyBackgroundColor: ' #E6E6E6 ' })).toBe('light');
    // Mid grey: black text contrasts better, so light.
    expect(officeThemeKind({ bodyBackgroundColor: '#808080' })).toBe('light');
  });

  it('is light for a missing theme or a colour that is not a hex triplet', () => {
    expect(officeThemeKind(undefined)).toBe('light');
    expect(officeThemeKind(null)).toBe('light');
    expect(officeThemeKind({})).toBe('light');
    for (const bodyBackgroundColor of ['', 'black', '#12345', '#GGGGGG', 'rgb(0, 0, 0)', '#00000000'])
      expect(officeThemeKind({ bodyBackgroundColor })).toBe('light');
    const fromHost = JSON.parse('{"bodyBackgroundColor": 0, "isDarkTheme": "yes"}') as OfficeThemeColors;
    expect(officeThemeKind(fromHost)).toBe('light');
  });
});

describe('followOfficeTheme over Office (office-addin-mock)', () => {
  const follow = (office: OfficeRuntime | undefined): ThemeKind[] => {
    const seen: ThemeKind[] = [];
    followOfficeTheme(office, (kind) => seen.push(kind));
    return seen;
  };

  it('reads the theme at start', () => {
    expect(follow(themedOutlook(BLACK).office)).toEqual(['dark']);
    expect(follow(themedOutlook(WHITE).office)).toEqual(['light']);
  });

  it('is light outside Office or where the host has no officeTheme', () => {
    expect(follow(undefined)).toEqual(['light']);
    expect(follow(themedOutlook(undefined).office)).toEqual(['light']);
  });

  it('switches when Outlook raises OfficeThemeChanged, and only when dark/light changes', () => {
    const outlook = themedOutlook(WHITE);
    const seen = follow(outlook.office);
    expect([...outlook.handlers.keys()]).toEqual(['officeThemeChanged']);
    outlook.changeTheme(BLACK);
    outlook.changeTheme({ ...BLACK, bodyBackgroundColor: '#1F1F1F' });
    outlook.changeTheme({ ...WHITE, isDarkTheme: false });
    expect(seen).toEqual(['light', 'dark', 'light']);
  });

  it('re-reads Office.context.officeTheme when the event carries no theme', () => {
    const outlook = themedOutlook(WHITE);
    const seen = follow(outlook.office);
    outlook.changeTheme(BLACK, false);
    expect(seen).toEqual(['light', 'dark']);
  });

  it('keeps the first theme, without throwing, where the host cannot raise the event', () => {
    const refusing = themedOutlook(BLACK).office;
    const mailbox = refusing.context.mailbox;
    if (!mailbox) throw new Error('the mock has a mailbox');
    mailbox.addHandlerAsync = (_type, _handler, callback) => {
      callback?.({ status: 'failed', value: undefined, error: { message: 'Invalid event' } });
    };
    expect(follow(refusing)).toEqual(['dark']);

    mailbox.addHandlerAsync = () => {
      throw new Error('Sys.ArgumentException');
    };
    expect(follow(refusing)).toEqual(['dark']);

    delete mailbox.addHandlerAsync;
    expect(follow(refusing)).toEqual(['dark']);
  });

  it('ignores a theme-changed event without arguments', () => {
    const outlook = themedOutlook(WHITE);
    const seen = follow(outlook.office);
    const handler = outlook.handlers.get('officeThemeChanged');
    expect(() => {
      (handler as unknown as (args?: unknown) => void)();
    }).not.toThrow();
    expect(seen).toEqual(['light']);
  });
});
