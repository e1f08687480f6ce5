// The card-payment section's landing page: what a resident needs and how paying by card goes,
// in the wording of the utility's own guide, and the button that starts a payment.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

const REQUIREMENTS = ['card', 'internet', 'otp'] as const;
const STEPS = ['terms', 'account', 'address', 'details', 'review', 'receipt'] as const;

const HomePage = async () => {
  const t = await getTranslations('pay.home');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>
        <Link className="button button--primary button--large" href="/pay">
          {t('start')}
        </Link>
      </p>

      <section aria-labelledby="requirements-title">
        <h2 id="requirements-title">{t('requirementsTitle')}</h2>
        <ul className="list">
          {REQUIREMENTS.map((item) => (
            <li key={item}>{t(`requirements.${item}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('stepsTitle')}</h2>
        <ol className="steps">
          {STEPS.map((step) => (
            <li key={step}>{t(`steps.${step}`)}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="notes-title" className="note">
        <h2 id="notes-title">{t('notesTitle')}</h2>
        <p>{t('notes.cancel')}</p>
        <p>{t('notes.claim')}</p>
      </section>

      <p>
        <Link className="button button--primary" href="/pay">
          {t('start')}
        </Link>
      </p>
    </>
  );
};

export default HomePage;
