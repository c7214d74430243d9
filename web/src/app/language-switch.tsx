import { SegmentedControl } from '@mantine/core';
import type { Language } from '../i18n/catalog-types.ts';
import { isLanguage, useLanguage, useT } from '../i18n/i18n-context.tsx';
import { useUpdateProfile } from '../features/auth/api/auth-api.ts';
import { useSession } from './session.ts';

/** PL / EN. Remembered in the browser and, when signed in, in the user's profile. */
export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const { data: session } = useSession();
  const profile = useUpdateProfile();
  const change = (value: string) => {
    if (!isLanguage(value)) return;
    const lang: Language = value;
    setLanguage(lang);
    if (session && !session.user.mustChangePassword && session.user.language !== lang) profile.mutate({ language: lang });
  };
  return (
    <SegmentedControl
      size="xs"
      value={language}
      onChange={change}
      aria-label={t('header.language')}
      data-testid="lang-switch"
      data={[
        { value: 'pl', label: 'PL' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
