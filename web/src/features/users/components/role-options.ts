import { ROLES } from '../../../app/api-types.ts';
import type { Translate } from '../../../i18n/translate.ts';

export const roleOptions = (t: Translate) => ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
export const languageOptions = (t: Translate) => [
  { value: 'pl', label: t('languages.pl') },
  { value: 'en', label: t('languages.en') },
];
