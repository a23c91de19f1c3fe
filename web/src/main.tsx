import { createRoot } from 'react-dom/client';
import 'dkfds-css';
import './styles.css';
import { I18nProvider, currentLang } from './i18n.tsx';
import { App } from './app.tsx';

document.documentElement.lang = currentLang();
createRoot(document.getElementById('root')!).render(<I18nProvider><App /></I18nProvider>);
