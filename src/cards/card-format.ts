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

/** `Tuesday 24 November, 10:00` */
export function meetingTime(iso: string, timeZone: string): string {
  const day = meetingDay(iso, timeZone);
  const time = formatter(`time:${timeZone}`, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${day}, ${time.format(new Date(iso))}`;
}

/** `Tuesday 24 November` */
export function meetingDay(iso: string, timeZone: string): string {
  const day = formatter(`day:${timeZone}`, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  return day.format(new Date(iso)).replace(',', '');
}

/** `Thu 3 Dec` for a plain `YYYY-MM-DD` date. */
export function shortDate(date: string): string {
  const day = formatter('date:UTC', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
  return day.format(new Date(`${date}T12:00:00Z`)).replace(',', '');
}

export function firstName(name: string): string {
  const trimmed = name.trim();
  return trimmed.split(/\s+/)[0] ?? trimmed;
}
