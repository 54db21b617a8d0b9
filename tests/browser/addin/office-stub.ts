/**
 * Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser test: an Outlook
 * calendar item in compose mode, described by `window.__meeting`, whose body lives in `window.__meeting.body`.
 */
export const OFFICE_STUB = `
(() => {
  const meeting = window.__meeting;
  const ok = (value) => ({ status: 'succeeded', value });
  const getter = (value) => ({ getAsync: (cb) => cb(ok(value)) });
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: {
      requirements: { isSetSupported: () => true },
      mailbox: {
        userProfile: { emailAddress: meeting.me, displayName: meeting.me },
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
