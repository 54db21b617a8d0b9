import type { OfficeRuntime, OfficeThemeColors } from './office-types';

export type ThemeKind = 'dark' | 'light';

const HEX_COLOUR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** WCAG relative luminance of `#RGB` or `#RRGGBB`, or null for anything else. */
function relativeLuminance(colour: string): number | null {
  const digits = HEX_COLOUR.exec(colour.trim())?.[1];
  if (digits === undefined) return null;
  const full = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((at) => {
    const c = parseInt(full.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark or light, from `Office.context.officeTheme`: the host's own `isDarkTheme` when it gives one, else
 * whether white text would contrast better than black on the body background. No theme, or a colour
 * that is not a hex triplet, is light (the pane's look before it followed Office).
 */
export function officeThemeKind(theme: OfficeThemeColors | null | undefined): ThemeKind {
  if (theme === null || typeof theme !== 'object') return 'light';
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const background = theme.bodyBackgroundColor;
  const luminance = typeof background === 'string' ? relativeLuminance(background) : null;
  if (luminance === null) return 'light';
  const contrastWithWhite = 1.05 / (luminance + 0.05);
  const contrastWithBlack = (luminance + 0.05) / 0.05;
  return contrastWithWhite > contrastWithBlack ? 'dark' : 'light';
}

function readTheme(office: OfficeRuntime): OfficeThemeColors | undefined {
  try {
    return office.context.officeTheme;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onTheme` with the Office theme now, then again whenever Outlook says it changed
 * (`Office.EventType.OfficeThemeChanged`, Mailbox 1.14). Hosts without the event keep the first theme:
 * nothing here throws, so the theme can never stop the pane from showing.
 */
export function followOfficeTheme(
  office: OfficeRuntime | undefined,
  onTheme: (kind: ThemeKind) => void,
): void {
  let current = office ? officeThemeKind(readTheme(office)) : 'light';
  onTheme(current);
  if (!office) return;
  try {
    const mailbox = office.context.mailbox;
    if (!mailbox || typeof mailbox.addHandlerAsync !== 'function') return;
    const eventType = office.EventType?.OfficeThemeChanged ?? 'officeThemeChanged';
    mailbox.addHandlerAsync(
      eventType,
      (args) => {
        let next: ThemeKind;
        try {
          next = officeThemeKind(args.officeTheme ?? readTheme(office));
        } catch {
          return; // an event without arguments: keep the theme shown
        }
        if (next === current) return;
        current = next;
        onTheme(next);
      },
      () => {
        // A host that does not raise the event refuses it here; the pane keeps its first theme.
      },
    );
  } catch {
    // Older Outlook may throw for an event it does not know; the pane keeps its first theme.
  }
}
