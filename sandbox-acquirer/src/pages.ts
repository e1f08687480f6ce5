// The sandbox acquirer's HTML: the card page, the 3-D Secure challenge, the order's status.
// Russian first, English on ?lang=en; plain forms that work without JavaScript and from the keyboard.
import { html, raw } from 'hono/html';
import type { Locale } from '@voltpay/domain';
import { TEST_CARDS, type CardField, type CardFieldError } from './cards';
import type { SandboxOrder } from './store';

type Html = ReturnType<typeof html>;

const messages = {
  ru: {
    banner: 'SANDBOX · тестовый эквайер. Деньги не списываются; не вводите данные настоящей карты.',
    brand: 'Тестовый эквайер Voltpay',
    otherLanguage: { label: 'English', lang: 'en' as Locale },
    amount: 'Сумма',
    purpose: 'Назначение',
    order: 'Заказ',
    cardTitle: 'Оплата картой',
    holder: 'Имя владельца',
    holderHint: 'Латиницей, как на карте: IVAN PETROV',
    number: 'Номер карты',
    numberHint: '16 цифр с лицевой стороны карты',
    expiry: 'Срок действия',
    month: 'Месяц (ММ)',
    year: 'Год (ГГ)',
    cvc: 'CVV2 / CVC2',
    cvcHint: '3 цифры на обороте карты',
    pay: (amount: string) => `Оплатить ${amount}`,
    cancel: 'Отменить',
    errorsTitle: 'Проверьте данные карты',
    fieldErrors: {
      required: 'Заполните это поле.',
      holder_invalid: 'Имя латинскими буквами, от 2 до 26 символов.',
      number_invalid: 'Номер карты — от 13 до 19 цифр.',
      number_luhn: 'Номер карты введён с ошибкой: проверьте цифры.',
      number_not_test_card: 'Это не тестовая карта песочницы. Используйте карту из списка ниже.',
      month_invalid: 'Месяц — число от 01 до 12.',
      year_invalid: 'Год — две последние цифры, например 28.',
      expired: 'Срок действия карты истёк.',
      cvc_invalid: 'CVV2 — ровно 3 цифры.',
    } satisfies Record<CardFieldError, string>,
    testCards: 'Тестовые карты',
    testCardsNote: 'Срок действия — любой будущий месяц, CVV2 — любые 3 цифры, имя — любое латиницей.',
    otpTitle: 'Подтверждение платежа (3-D Secure)',
    otpIntro: (last4: string) => `Банк отправил одноразовый пароль для карты •••• ${last4}.`,
    otpSandboxCode: 'Код в песочнице (настоящий банк прислал бы его в SMS):',
    otpLabel: 'Одноразовый пароль',
    otpHint: '6 цифр',
    otpConfirm: 'Подтвердить',
    otpWrong: (left: number) => `Неверный код. Осталось попыток: ${left}.`,
    otpInvalid: 'Введите 6 цифр кода.',
    noAnswerTitle: 'Банк не отвечает',
    noAnswerText: 'Банк, выпустивший карту, не отвечает на запрос подтверждения 3-D Secure. Можно подождать или отменить оплату и вернуться на сайт.',
    statusTitle: 'Статус заказа',
    statuses: {
      CREATED: 'Ожидает оплаты',
      AWAITING_OTP: 'Ожидает подтверждения 3-D Secure',
      PROCESSING: 'Платёж обрабатывается',
      APPROVED: 'Оплачено',
      DECLINED: 'Отклонено',
      VOIDED: 'Отменено',
      REFUNDED: 'Возвращено',
    } satisfies Record<SandboxOrder['status'], string>,
    declineReasons: { do_not_honor: 'банк отказал в операции', insufficient_funds: 'недостаточно средств', otp_failed: 'неверный код 3-D Secure' } as Record<
      string,
      string
    >,
    backToShop: 'Вернуться на сайт продавца',
    notFoundTitle: 'Заказ не найден',
    notFoundText: 'Такого заказа нет. Проверьте ссылку или начните оплату заново на сайте продавца.',
  },
  en: {
    banner: 'SANDBOX · test acquirer. No money moves; do not enter a real card.',
    brand: 'Voltpay test acquirer',
    otherLanguage: { label: 'Русский', lang: 'ru' as Locale },
    amount: 'Amount',
    purpose: 'For',
    order: 'Order',
    cardTitle: 'Card payment',
    holder: 'Cardholder name',
    holderHint: 'In Latin letters, as on the card: IVAN PETROV',
    number: 'Card number',
    numberHint: 'The 16 digits on the front of the card',
    expiry: 'Expiry date',
    month: 'Month (MM)',
    year: 'Year (YY)',
    cvc: 'CVV2 / CVC2',
    cvcHint: 'The 3 digits on the back of the card',
    pay: (amount: string) => `Pay ${amount}`,
    cancel: 'Cancel',
    errorsTitle: 'Check the card details',
    fieldErrors: {
      required: 'Fill in this field.',
      holder_invalid: 'Latin letters, 2 to 26 characters.',
      number_invalid: 'A card number has 13 to 19 digits.',
      number_luhn: 'The card number has a typo: check the digits.',
      number_not_test_card: 'This is not one of the sandbox’s test cards. Use a card from the list below.',
      month_invalid: 'The month is a number from 01 to 12.',
      year_invalid: 'The year is its last two digits, e.g. 28.',
      expired: 'The card has expired.',
      cvc_invalid: 'CVV2 is exactly 3 digits.',
    } satisfies Record<CardFieldError, string>,
    testCards: 'Test cards',
    testCardsNote: 'Expiry: any future month; CVV2: any 3 digits; name: any, in Latin letters.',
    otpTitle: 'Confirm the payment (3-D Secure)',
    otpIntro: (last4: string) => `Your bank has sent a one-time password for the card •••• ${last4}.`,
    otpSandboxCode: 'The sandbox’s code (a real bank would text it to you):',
    otpLabel: 'One-time password',
    otpHint: '6 digits',
    otpConfirm: 'Confirm',
    otpWrong: (left: number) => `Wrong code. Attempts left: ${left}.`,
    otpInvalid: 'Enter the 6 digits of the code.',
    noAnswerTitle: 'The bank is not answering',
    noAnswerText: 'The bank that issued the card does not answer the 3-D Secure request. You can wait, or cancel the payment and go back to the site.',
    statusTitle: 'Order status',
    statuses: {
      CREATED: 'Awaiting payment',
      AWAITING_OTP: 'Awaiting 3-D Secure',
      PROCESSING: 'Being processed',
      APPROVED: 'Paid',
      DECLINED: 'Declined',
      VOIDED: 'Cancelled',
      REFUNDED: 'Refunded',
    } satisfies Record<SandboxOrder['status'], string>,
    declineReasons: {
      do_not_honor: 'the bank refused the transaction',
      insufficient_funds: 'insufficient funds',
      otp_failed: 'wrong 3-D Secure code',
    } as Record<string, string>,
    backToShop: 'Back to the merchant’s site',
    notFoundTitle: 'Order not found',
    notFoundText: 'There is no such order. Check the link, or start the payment again on the merchant’s site.',
  },
} as const;

/** `123456` → `1 234,56 ₽` (thin no-break space between groups) or `₽1,234.56`. Integer kopecks only. */
export const formatAmount = (kopecks: number, locale: Locale) => {
  const digits = String(Math.abs(Math.trunc(kopecks))).padStart(3, '0');
  const roubles = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, locale === 'ru' ? '\u202F' : ',');
  return locale === 'ru' ? `${roubles},${digits.slice(-2)}\u00A0₽` : `₽${roubles}.${digits.slice(-2)}`;
};

const groupCardNumber = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

// Contrast: body #1b1b1f on white 16.8:1; primary button white on #0b57d0 6.2:1; error #a4161a 7.6:1.
const STYLE = raw(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1f;background:#f4f5f7}
.banner{background:#ffe8a3;color:#3a2a00;border-bottom:2px solid #8a6500;padding:.5rem 1rem;font-weight:600;text-align:center}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;max-width:34rem;margin:0 auto;padding:1rem}
.brand{font-weight:700}
main{max-width:34rem;margin:0 auto 2rem;background:#fff;border:1px solid #c9ccd3;border-radius:8px;padding:1.25rem}
h1{font-size:1.4rem;margin:0 0 1rem}
h2{font-size:1.1rem;margin:0 0 .5rem}
dl.order{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1.25rem}
dl.order dt{color:#4a4d55}
dl.order dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.field{margin:0 0 1rem}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
fieldset{border:0;margin:0 0 1rem;padding:0}
.row{display:flex;gap:1rem;flex-wrap:wrap}
.row .field{flex:1 1 8rem;margin:0}
.row label{font-weight:400}
input{font:inherit;width:100%;padding:.6rem .7rem;border:2px solid #5f6370;border-radius:6px;background:#fff;color:#1b1b1f}
input[aria-invalid="true"]{border-color:#a4161a}
.hint{margin:.1rem 0 .35rem;color:#4a4d55;font-size:.9rem}
.error{margin:.3rem 0 0;color:#a4161a;font-weight:600}
.error-summary{border:2px solid #a4161a;border-radius:6px;padding:.75rem 1rem;margin:0 0 1.25rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#a4161a}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.25rem}
button{font:inherit;font-weight:600;padding:.7rem 1.2rem;border-radius:6px;border:2px solid #0b57d0;cursor:pointer}
button.primary{background:#0b57d0;color:#fff}
button.secondary{background:#fff;color:#0b57d0}
a{color:#0b4fbd}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #1b1b1f;outline-offset:2px;box-shadow:0 0 0 6px #ffd43b}
.code{font:700 1.6rem/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.2em;background:#eef2ff;border:1px dashed #3949ab;border-radius:6px;padding:.4rem .8rem;display:inline-block}
details{margin-top:1.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #d5d8de}
td.num{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
`);

type Layout = { locale: Locale; title: string; path: string; body: Html };

const layout = ({ locale, title, path, body }: Layout) => {
  const t = messages[locale];
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} — ${t.brand}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <div class="banner" role="note">${t.banner}</div>
        <header>
          <span class="brand">${t.brand}</span>
          <a href="${path}?lang=${t.otherLanguage.lang}" lang="${t.otherLanguage.lang}" hreflang="${t.otherLanguage.lang}">${t.otherLanguage.label}</a>
        </header>
        <main>${body}</main>
      </body>
    </html>`;
};

const orderSummary = (order: SandboxOrder, locale: Locale) => {
  const t = messages[locale];
  return html`<dl class="order">
    <dt>${t.amount}</dt>
    <dd>${formatAmount(order.amountKopecks, locale)}</dd>
    <dt>${t.purpose}</dt>
    <dd>${order.description}</dd>
    <dt>${t.order}</dt>
    <dd>${order.orderId}</dd>
  </dl>`;
};

/** aria-describedby of a field: its hint, then its error when there is one. */
const describedBy = (id: string, hasHint: boolean, hasError: boolean) =>
  [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(' ');

type InputOptions = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  autocomplete: string;
  type?: 'text' | 'password';
  numeric?: boolean;
  maxlength: number;
  extra?: Html;
};

const input = ({ id, name, label, hint, error, value = '', autocomplete, type = 'text', numeric = false, maxlength, extra }: InputOptions) => {
  const described = describedBy(id, Boolean(hint), Boolean(error));
  return html`<div class="field">
    <label for="${id}">${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
    <input
      id="${id}"
      name="${name}"
      type="${type}"
      value="${value}"
      autocomplete="${autocomplete}"
      maxlength="${maxlength}"
      required
      ${numeric ? raw('inputmode="numeric"') : ''}
      ${described ? html`aria-describedby="${described}"` : ''}
      ${error ? raw('aria-invalid="true"') : ''}
      ${extra ?? ''}
    />
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
  </div>`;
};

const FIELD_IDS: Record<CardField, string> = { holder: 'holder', number: 'number', expMonth: 'exp-month', expYear: 'exp-year', cvc: 'cvc' };

export type CardPageOptions = {
  order: SandboxOrder;
  locale: Locale;
  /** After a refused submit: the holder and expiry as typed (never the number or CVV2), and what is wrong. */
  values?: { holder: string; expMonth: string; expYear: string };
  errors?: Partial<Record<CardField, CardFieldError>>;
};

export const renderCardPage = ({ order, locale, values, errors = {} }: CardPageOptions) => {
  const t = messages[locale];
  const path = `/pay/${order.orderId}`;
  const amount = formatAmount(order.amountKopecks, locale);
  const error = (field: CardField) => (errors[field] ? t.fieldErrors[errors[field]] : undefined);
  const fieldsWithErrors = (Object.keys(FIELD_IDS) as CardField[]).filter((field) => errors[field]);
  const label: Record<CardField, string> = { holder: t.holder, number: t.number, expMonth: t.month, expYear: t.year, cvc: t.cvc };
  const body = html` <h1>${t.cardTitle}</h1>
    ${orderSummary(order, locale)}
    ${
      fieldsWithErrors.length > 0
        ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">${t.errorsTitle}</h2>
            <ul>
              ${fieldsWithErrors.map((field) => html`<li><a href="#${FIELD_IDS[field]}">${label[field]}: ${error(field)}</a></li>`)}
            </ul>
          </div>`
        : ''
    }
    <form method="post" action="${path}?lang=${locale}" novalidate>
      ${input({ id: 'holder', name: 'holder', label: t.holder, hint: t.holderHint, error: error('holder'), value: values?.holder, autocomplete: 'cc-name', maxlength: 26, extra: raw('autocapitalize="characters" spellcheck="false"') })}
      ${input({ id: 'number', name: 'number', label: t.number, hint: t.numberHint, error: error('number'), autocomplete: 'cc-number', numeric: true, maxlength: 23 })}
      <fieldset>
        <legend>${t.expiry}</legend>
        <div class="row">
          ${input({ id: 'exp-month', name: 'expMonth', label: t.month, error: error('expMonth'), value: values?.expMonth, autocomplete: 'cc-exp-month', numeric: true, maxlength: 2 })}
          ${input({ id: 'exp-year', name: 'expYear', label: t.year, error: error('expYear'), value: values?.expYear, autocomplete: 'cc-exp-year', numeric: true, maxlength: 4 })}
        </div>
      </fieldset>
      ${input({ id: 'cvc', name: 'cvc', label: t.cvc, hint: t.cvcHint, error: error('cvc'), autocomplete: 'cc-csc', type: 'password', numeric: true, maxlength: 3 })}
      <div class="actions">
        <button type="submit" class="primary" name="action" value="pay">${t.pay(amount)}</button>
        <button type="submit" class="secondary" name="action" value="cancel" formnovalidate>${t.cancel}</button>
      </div>
    </form>
    <details>
      <summary>${t.testCards}</summary>
      <p class="hint">${t.testCardsNote}</p>
      <table>
        <tbody>
          ${TEST_CARDS.map(
            (card) =>
              html`<tr>
                <td class="num">${groupCardNumber(card.number)}</td>
                <td>${card.brand}</td>
                <td>${card.description[locale]}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  return layout({ locale, title: t.cardTitle, path, body });
};

export type OtpPageOptions = { order: SandboxOrder; locale: Locale; error?: 'wrong' | 'invalid'; attemptsLeft?: number };

export const renderOtpPage = ({ order, locale, error, attemptsLeft }: OtpPageOptions) => {
  const t = messages[locale];
  const path = `/pay/${order.orderId}/otp`;
  const cancel = html`<button type="submit" class="secondary" name="action" value="cancel" formnovalidate>${t.cancel}</button>`;
  // The "never answers" card: no code to type, only the way out.
  if (order.otpCode === null) {
    return layout({
      locale,
      title: t.noAnswerTitle,
      path,
      body: html`<h1>${t.noAnswerTitle}</h1>
        ${orderSummary(order, locale)}
        <p role="status">${t.noAnswerText}</p>
        <form method="post" action="${path}?lang=${locale}"><div class="actions">${cancel}</div></form>`,
    });
  }
  // A wrong code is said once, under the field it is about (aria-describedby, aria-invalid), and the
  // reloaded page puts the focus there, so a screen reader reads the label, the hint and the error
  // together; a separate alert box above repeated the same words.
  const message = error === 'wrong' ? t.otpWrong(attemptsLeft ?? 0) : error === 'invalid' ? t.otpInvalid : undefined;
  return layout({
    locale,
    title: t.otpTitle,
    path,
    body: html`<h1>${t.otpTitle}</h1>
      ${orderSummary(order, locale)}
      <p>${t.otpIntro(order.cardLast4 ?? '????')}</p>
      <p>${t.otpSandboxCode} <span class="code" data-testid="sandbox-otp">${order.otpCode}</span></p>
      <form method="post" action="${path}?lang=${locale}" novalidate>
        ${input({ id: 'otp', name: 'code', label: t.otpLabel, hint: t.otpHint, error: message, autocomplete: 'one-time-code', numeric: true, maxlength: 6, ...(message ? { extra: raw('autofocus') } : {}) })}
        <div class="actions">
          <button type="submit" class="primary" name="action" value="confirm">${t.otpConfirm}</button>
          ${cancel}
        </div>
      </form>`,
  });
};

export const renderStatusPage = ({ order, locale, backUrl }: { order: SandboxOrder; locale: Locale; backUrl: string }) => {
  const t = messages[locale];
  const reason = order.declineReason ? (t.declineReasons[order.declineReason] ?? order.declineReason) : null;
  return layout({
    locale,
    title: t.statusTitle,
    path: `/pay/${order.orderId}`,
    body: html`<h1>${t.statusTitle}: ${t.statuses[order.status]}</h1>
      ${orderSummary(order, locale)} ${reason ? html`<p>${reason}</p>` : ''}
      <p><a href="${backUrl}">${t.backToShop}</a></p>`,
  });
};

export const renderNotFoundPage = ({ locale, path }: { locale: Locale; path: string }) => {
  const t = messages[locale];
  return layout({
    locale,
    title: t.notFoundTitle,
    path,
    body: html`<h1>${t.notFoundTitle}</h1>
      <p>${t.notFoundText}</p>`,
  });
};
