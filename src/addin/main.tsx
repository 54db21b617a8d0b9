import { createRoot } from 'react-dom/client';
import { AddinApp } from './AddinApp';
import { followOfficeTheme } from './office/office-theme';
import type { OfficeRuntime } from './office/office-types';

declare global {
  interface Window {
    /** Office.js, from Microsoft's CDN (see index.html); absent when the page is opened outside Office. */
    Office?: OfficeRuntime;
  }
}

async function start(): Promise<void> {
  const office = window.Office;
  if (office) await office.onReady();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const location = { search: window.location.search, host: window.location.host };
  const root = createRoot(container);
  const officeItem = office?.context.mailbox?.item;
  followOfficeTheme(office, (theme) => {
    root.render(<AddinApp officeItem={officeItem} location={location} theme={theme} />);
  });
}

void start();
