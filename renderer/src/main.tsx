import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './App';
import { FamilyApp } from './conference/family/FamilyApp';

// The family window (role 'family') loads #/family: it gets the family view and nothing else.
const isFamilyWindow = window.location.hash.startsWith('#/family');

createRoot(document.getElementById('root')!).render(<StrictMode>{isFamilyWindow ? <FamilyApp /> : <App />}</StrictMode>);
