// Where the resident is in the payment: terms → account → amount → review → card (the bank's page).
import { getTranslations } from 'next-intl/server';

const STEPS = ['terms', 'account', 'details', 'review', 'card'] as const;
export type ProgressStep = (typeof STEPS)[number];

export const PayProgress = async ({ current }: { current: ProgressStep }) => {
  const t = await getTranslations('pay.progress');
  const index = STEPS.indexOf(current);
  return (
    <nav aria-label={t('label')} className="pay-progress">
      <p className="pay-progress__position">{t('position', { current: index + 1, total: STEPS.length })}</p>
      <ol className="pay-progress__list">
        {STEPS.map((step, i) => (
          <li
            key={step}
            className={i < index ? 'pay-progress__item is-done' : i === index ? 'pay-progress__item is-current' : 'pay-progress__item'}
            {...(i === index ? { 'aria-current': 'step' as const } : {})}
          >
            {t(step)}
          </li>
        ))}
      </ol>
    </nav>
  );
};
