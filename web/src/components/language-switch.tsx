// RU / EN, top right of every page. A form posting to a server action: works without JavaScript,
// and the page re-renders in the chosen language keeping where the resident is.
import { getLocale, getTranslations } from 'next-intl/server';
import { LOCALES } from '~/i18n/config';
import { setLocale } from '~/i18n/set-locale';

export const LanguageSwitch = async () => {
  const [locale, t] = [await getLocale(), await getTranslations('common.language')];
  return (
    <form action={setLocale} className="language-switch" aria-label={t('label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          aria-label={t(`switchTo.${option}`)}
          className="language-switch__option"
        >
          {option.toUpperCase()}
        </button>
      ))}
    </form>
  );
};
