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
      <span aria-hidden="true">🔊 </span>{speaking ? say('stopReading') : say('readAloud')}
    </button>
  );
}
