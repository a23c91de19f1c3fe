import { createRoot } from 'react-dom/client';
import 'dkfds-css';
import './svar.css';
import { SvarApp } from './svar-app.tsx';

createRoot(document.getElementById('root')!).render(<SvarApp />);
