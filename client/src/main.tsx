import 'leaflet/dist/leaflet.css';
import './styles.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Root } from './Root';
import i18n from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  // No StrictMode: react-leaflet 5's MapContainer removes its map in the effect cleanup that
  // StrictMode replays in development, which leaves a dead map behind.
  <I18nextProvider i18n={i18n}>
    <Root />
  </I18nextProvider>,
);
