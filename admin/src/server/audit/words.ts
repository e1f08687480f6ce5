// The audit trail in the staff's words: what each recorded action means ("Новая версия тарифа",
// not `tariff.createVersion`) and what a target is called when its row is gone. Pure: the page,
// the record pages' journals and their tests share it. The codes stay one click away.
import type { Locality, StoveType } from '@voltpay/prisma';
import { LOCALITY_LABELS, STOVE_LABELS } from '../reference/labels';

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.signIn': 'Вход в консоль',
  'auth.signOut': 'Выход из консоли',
  'payment.recheck': 'Оплата перепроверена в банке',
  'payment.retryPosting': 'Зачисление повторено',
  'payment.retryDelivery': 'Квитанция отправлена повторно',
  'payment.refund': 'Возврат денег на карту',
  // Written by the console's refund of a completed payment before one procedure refunded in every state.
  'payment.refundCompleted': 'Возврат денег за зачисленный платёж',
  'payments.export': 'Список платежей скачан (CSV)',
  'readings.approve': 'Показания счётчика подтверждены',
  'receipt.check': 'Квитанция проверена',
  'claim.open': 'Претензия открыта',
  'claim.startInvestigation': 'Претензия взята в работу',
  'claim.addNote': 'Заметка к претензии',
  'claim.resolve': 'Претензия решена',
  'claims.export': 'Список претензий скачан (CSV)',
  'tariff.createVersion': 'Новая версия тарифа',
  'tariff.update': 'Тариф изменён',
  'tariff.delete': 'Тариф удалён',
  'district.create': 'Район добавлен',
  'district.update': 'Район изменён',
  'district.delete': 'Район удалён',
  'settlement.create': 'Населённый пункт добавлен',
  'settlement.update': 'Населённый пункт изменён',
  'settlement.delete': 'Населённый пункт удалён',
  'housingOffice.create': 'ЖЭО добавлено',
  'housingOffice.update': 'ЖЭО изменено',
  'housingOffice.delete': 'ЖЭО удалено',
  'account.createDemo': 'Демо-счёт добавлен',
  'account.updateDemo': 'Демо-счёт изменён',
  'account.setPeriod': 'Показания периода у демо-счёта заданы',
  'staff.create': 'Сотрудник добавлен',
  'staff.updateRoles': 'Роли сотрудника изменены',
  'staff.deactivate': 'Сотрудник отключён',
  'staff.reactivate': 'Сотрудник снова допущен',
  'temporal.decodePayloads': 'Данные Temporal расшифрованы для просмотра',
  'audit.export': 'Журнал действий скачан (CSV)',
};

export const AUDIT_AREA_LABELS: Readonly<Record<string, string>> = {
  auth: 'Вход и выход',
  payment: 'Платежи',
  payments: 'Платежи (выгрузки)',
  readings: 'Показания',
  receipt: 'Квитанции',
  claim: 'Претензии',
  claims: 'Претензии (выгрузки)',
  tariff: 'Тарифы',
  district: 'Районы',
  settlement: 'Населённые пункты',
  housingOffice: 'ЖЭО',
  account: 'Лицевые счета',
  staff: 'Сотрудники',
  temporal: 'Temporal',
  audit: 'Журнал',
};

export const AUDIT_TARGET_LABELS: Readonly<Record<string, string>> = {
  payment: 'платёж',
  claim: 'претензия',
  receipt: 'квитанция',
  tariff: 'тариф',
  tariffCategory: 'тарифы категории',
  district: 'район',
  settlement: 'населённый пункт',
  housingOffice: 'ЖЭО',
  account: 'лицевой счёт',
  staffUser: 'сотрудник',
  temporalNamespace: 'пространство Temporal',
  auditLog: 'журнал действий',
};

/** The action in words; an action recorded before its words existed shows as its code. */
export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

/** A tariff category (`URBAN/GAS`) as the tariffs page names it: «Город, газовая плита». */
export const tariffCategoryName = (key: string) => {
  const [locality, stove] = key.split('/') as [Locality | undefined, StoveType | undefined];
  const words = [locality && LOCALITY_LABELS[locality], stove && STOVE_LABELS[stove]].filter(Boolean).join(', ');
  return words ? `«${words.charAt(0).toUpperCase()}${words.slice(1)}»` : key;
};

/** The fields of a change that matter to a reader, in words: "reason", "note", "resolution"… */
const DETAIL_WORDS: Readonly<Record<string, string>> = {
  reason: 'Причина',
  note: 'Пояснение',
  body: 'Текст',
  rows: 'Строк',
  period: 'Период',
  roles: 'Роли',
  outcome: 'Итог',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The few facts of an entry worth a sentence (a reason, a note, how many rows), in words. */
export const auditFacts = ({ after, details }: { after: unknown; details: unknown }): string[] => {
  const facts: string[] = [];
  for (const source of [details, after]) {
    if (!isRecord(source)) continue;
    for (const [key, label] of Object.entries(DETAIL_WORDS)) {
      const value = source[key];
      // Words, numbers and lists of them only: a nested object is the JSON view's, not a sentence.
      const plain = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
      const text = plain(value) ? String(value) : Array.isArray(value) && value.every(plain) ? value.map(String).join(', ') : '';
      if (text === '') continue;
      if (!facts.some((fact) => fact.startsWith(`${label}:`))) facts.push(`${label}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
    }
  }
  return facts;
};
