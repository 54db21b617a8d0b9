/** How dates read on cards, in the reader's own time zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', options);
    formats.set(key, format);
  }
  return format;
}

/**
 * Texts already formatted, by format and instant: every card drawn about a meeting formats the same few times
 * again (ICU formatting costs a few microseconds each). Emptied when full; an invalid instant throws as before.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 10_000;

function formatted(key: string, options: Intl.DateTimeFormatOptions, instant: string): string {
  const textKey = `${key}|${instant}`;
  let text = texts.get(textKey);
  if (text === undefined) {
    text = formatter(key, options).format(new Date(instant));
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(textKey, text);
  }
  return text;
}

/** `Tuesday 24 November, 10:00` */
export function meetingTime(iso: string, timeZone: string): string {
  const time = formatted(
    `time:${timeZone}`,
    { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    iso,
  );
  return `${meetingDay(iso, timeZone)}, ${time}`;
}

/** `Tuesday 24 November` */
export function meetingDay(iso: string, timeZone: string): string {
  return formatted(
    `day:${timeZone}`,
    { timeZone, weekday: 'long', day: 'numeric', month: 'long' },
    iso,
  ).replace(',', '');
}

/** `Thu 3 Dec` for a plain `YYYY-MM-DD` date. */
export function shortDate(date: string): string {
  return formatted(
    'date:UTC',
    { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' },
    `${date}T12:00:00Z`,
  ).replace(',', '');
}

export function firstName(name: string): string {
  const trimmed = name.trim();
  return trimmed.split(/\s+/)[0] ?? trimmed;
}
