import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Checkbox } from './form.tsx';

/**
 * The server keeps an implausible measurement (a typing slip like 19 kg for 91 kg) only when the
 * professional confirms it. `watch` runs a write and, when the server refuses such values, remembers
 * which (by the key `keyOf` gives a field path); `boxes` then offers a confirmation for each.
 */
export function useImplausible() {
  const { t } = useI18n();
  const [flagged, setFlagged] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const watch = async (write: () => Promise<unknown>, keyOf: (path: string) => string | null): Promise<void> => {
    try {
      await write();
    } catch (err) {
      const keys = err instanceof ApiError ? err.fields.filter((f) => f.rule === 'measure.implausible').map((f) => keyOf(f.path)).filter((k): k is string => !!k) : [];
      if (keys.length) setFlagged((old) => [...new Set([...old, ...keys])]);
      throw err;
    }
  };
  const isConfirmed = (key: string): boolean => confirmed.includes(key);
  const boxes = (label: (key: string) => string) => flagged.map((k) => (
    <Checkbox key={k} id={`confirm-${k}`} label={t('cv.confirmValue', { label: label(k) })} checked={isConfirmed(k)}
      onChange={(on) => setConfirmed((l) => (on ? [...l, k] : l.filter((x) => x !== k)))} />
  ));
  return { watch, isConfirmed, boxes };
}
