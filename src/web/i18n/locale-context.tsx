import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Calendar, Locale, LocalizedText, Preferences } from '../api/types.js';

interface LocaleState extends Preferences {
  /** Applies preferences locally (the server copy is saved by the caller when signed in). */
  setPreferences: (next: Partial<Preferences>) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

// Before sign-in there is no server copy of the preferences: remember the last choice on this device.
const storageKey = 'bansho.preferences';

function readStored(): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<Preferences>;
    return {
      locale: stored.locale === 'en' ? 'en' : 'ja',
      calendar: stored.calendar === 'japanese' ? 'japanese' : 'gregorian',
    };
  } catch {
    return { locale: 'ja', calendar: 'gregorian' };
  }
}

/** Holds the display language and calendar; Japanese and 西暦 by default. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [preferences, setState] = useState<Preferences>(readStored);

  useEffect(() => {
    // Screen readers pick their voice from <html lang>; keep it in step with the UI language.
    document.documentElement.lang = preferences.locale;
    try {
      localStorage.setItem(storageKey, JSON.stringify(preferences));
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, [preferences]);

  // Stable identity: effects that apply the server's copy depend on it and must not re-run on every change.
  const setPreferences = useCallback(
    (next: Partial<Preferences>) =>
      setState((current) =>
        (next.locale ?? current.locale) === current.locale && (next.calendar ?? current.calendar) === current.calendar
          ? current
          : { ...current, ...next },
      ),
    [],
  );
  const value = useMemo<LocaleState>(() => ({ ...preferences, setPreferences }), [preferences, setPreferences]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The current language, calendar and the setter. */
export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale must be used inside <LocaleProvider>');
  return state;
}

/** Picks a feature's messages in the current language. */
export function useMessages<M>(messages: Record<Locale, M>): M {
  return messages[useLocale().locale];
}

/** Picks the current language's side of a bilingual server text. */
export function useLocalize(): (text: LocalizedText) => string {
  const { locale } = useLocale();
  return (text) => text[locale];
}

export type { Calendar, Locale };
