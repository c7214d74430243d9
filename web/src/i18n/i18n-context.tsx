// Language state for the whole app: Polish by default, remembered in localStorage. The signed-in
// user's profile language is applied at sign-in (see app/session.ts).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Catalog, Language } from './catalog-types.ts';
import { en } from './en.ts';
import { pl } from './pl.ts';
import { createTranslate, type Translate } from './translate.ts';

const STORAGE_KEY = 'serwisownia.language';
const catalogs: Record<Language, Catalog> = { pl, en };

export const isLanguage = (v: unknown): v is Language => v === 'pl' || v === 'en';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'pl';
  } catch {
    return 'pl';
  }
}

type I18nValue = { language: Language; setLanguage: (l: Language) => void; t: Translate };
const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((l: Language) => {
    setLanguageState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this tab only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage, t: createTranslate(catalogs[language], language) }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('I18nProvider is missing');
  return v;
}

/** The typed translate function for the current language: t('customers.list.title'). */
export const useT = (): Translate => useI18n().t;

export function useLanguage() {
  const { language, setLanguage } = useI18n();
  return { language, setLanguage };
}
