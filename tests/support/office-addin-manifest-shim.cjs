// office-addin-mock only needs the OfficeApp enum from office-addin-manifest; the real package pulls in
// manifest tooling the tests never use.
'use strict';

const OfficeApp = Object.freeze({
  Excel: 'excel',
  OneNote: 'onenote',
  Outlook: 'outlook',
  PowerPoint: 'powerpoint',
  Project: 'project',
  Word: 'word',
});

module.exports = { OfficeApp };
