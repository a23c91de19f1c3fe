import { createContext, useContext, type ReactNode } from 'react';
import type { Codes } from './api.ts';

const CodesContext = createContext<Codes | null>(null);
export const CodesProvider = ({ codes, children }: { codes: Codes; children: ReactNode }) => <CodesContext.Provider value={codes}>{children}</CodesContext.Provider>;

export function useCodes(): Codes & { display(code: string | null | undefined): string } {
  const codes = useContext(CodesContext);
  if (!codes) throw new Error('useCodes outside CodesProvider');
  const all = new Map(Object.values(codes.valueSets).flat().map((c) => [c.code, c.display]));
  return { ...codes, display: (code) => (code ? all.get(code) ?? code : '') };
}

/** "Tobaksafvænning" is superseded by "Nikotin- og tobaksafvænning"; conversations are not pathway interventions. */
export const SUPERSEDED_INTERVENTIONS = new Set(['Tobaksafvænning', 'Afklarende samtale', 'Behovssamtale', 'Afsluttende samtale']);
