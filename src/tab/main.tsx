import { createRoot } from 'react-dom/client';
import { TabApp } from './components/TabApp';

const container = document.getElementById('root');
if (!container) throw new Error('The tab page has no #root element.');
createRoot(container).render(<TabApp />);
