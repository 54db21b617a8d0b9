/**
 * Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser test: an Outlook
 * calendar item in compose mode, described by `window.__meeting`, whose body lives in `window.__meeting.body`.
 * `window.__meeting.theme` is `Office.context.officeTheme`; `window.__changeOfficeTheme(theme)` plays Outlook
 * switching theme (the new theme in context, then OfficeThemeChanged to the add-in's handlers).
 */
export const OFFICE_STUB = `
(() => {
  const meeting = window.__meeting;
  const ok = (value) => ({ status: 'succeeded', value });
  const getter = (value) => ({ getAsync: (cb) => cb(ok(value)) });
  const handlers = [];
  window.__changeOfficeTheme = (theme) => {
    window.Office.context.officeTheme = theme;
    for (const h of handlers) if (h.type === 'officeThemeChanged') h.handler({ type: h.type, officeTheme: theme });
  };
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    EventType: { OfficeThemeChanged: 'officeThemeChanged' },
    context: {
      requirements: { isSetSupported: () => true },
      officeTheme: meeting.theme,
      mailbox: {
        userProfile: { emailAddress: meeting.me, displayName: meeting.me },
        addHandlerAsync: (type, handler, cb) => { handlers.push({ type, handler }); if (cb) cb(ok(undefined)); },
        item: {
          itemType: 'appointment',
          start: getter(new Date(meeting.start)),
          end: getter(new Date(meeting.end)),
          organizer: getter({ emailAddress: meeting.me, displayName: meeting.me }),
          requiredAttendees: getter(meeting.attendees.map((a) => ({ emailAddress: a, displayName: a }))),
          optionalAttendees: getter([]),
          body: {
            getTypeAsync: (cb) => cb(ok('html')),
            getAsync: (type, cb) => cb(ok(meeting.body)),
            setAsync: (data, options, cb) => { meeting.body = data; cb(ok(undefined)); },
            prependAsync: (data, options, cb) => { meeting.body = data + meeting.body; cb(ok(undefined)); },
          },
        },
      },
    },
  };
})();
`;
