import { useEffect, useState } from 'react';
import type { Say } from './strings.ts';

const canSpeak = (): boolean => typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

/** Reads a question (and its answer options) aloud with the browser's own speech, where there is one. */
export function ReadAloud({ text, lang, say }: { text: string; lang: string; say: Say }) {
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => { if (speaking) window.speechSynthesis.cancel(); }, [speaking]);
  if (!canSpeak()) return null;
  const toggle = () => {
    window.speechSynthesis.cancel();
    if (speaking) return setSpeaking(false);
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    window.speechSynthesis.speak(utterance);
  };
  return (
    <button type="button" className="button button-unstyled read-aloud" aria-pressed={speaking} onClick={toggle}>
      <svg className="read-aloud-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" /></svg>
      {speaking ? say('stopReading') : say('readAloud')}
    </button>
  );
}
