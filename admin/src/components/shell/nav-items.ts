// The console's areas and who may open them; the navigation shows a member of staff only theirs.
// Keep in step with each area's requireStaff(...) and its procedures' roles (the pages enforce it).
import type { StaffRole } from '@voltpay/prisma';
import type { Route } from 'next';

export type NavItem = {
  href: Route;
  label: string;
  /** Empty: every member of staff. */
  roles: StaffRole[];
  icon: 'dashboard' | 'payments' | 'claims' | 'queues' | 'tariffs' | 'districts' | 'accounts' | 'staff' | 'audit';
};

export const navItems: NavItem[] = [
  { href: '/', label: 'Обзор', roles: [], icon: 'dashboard' },
  { href: '/payments' as Route, label: 'Квитанции и оплаты', roles: ['sales'], icon: 'payments' },
  { href: '/claims' as Route, label: 'Претензии', roles: ['sales'], icon: 'claims' },
  { href: '/queues' as Route, label: 'Очереди', roles: ['operator'], icon: 'queues' },
  { href: '/tariffs' as Route, label: 'Тарифы', roles: ['admin'], icon: 'tariffs' },
  { href: '/districts' as Route, label: 'Районы и пункты', roles: ['admin'], icon: 'districts' },
  { href: '/accounts' as Route, label: 'Лицевые счета', roles: ['admin'], icon: 'accounts' },
  { href: '/staff' as Route, label: 'Сотрудники', roles: ['admin'], icon: 'staff' },
  { href: '/audit' as Route, label: 'Журнал действий', roles: ['admin'], icon: 'audit' },
];

export const navItemsFor = (roles: StaffRole[]): NavItem[] =>
  navItems.filter((item) => item.roles.length === 0 || item.roles.some((role) => roles.includes(role)));

export const roleLabels: Record<StaffRole, string> = {
  admin: 'администратор',
  sales: 'отдел сбыта',
  operator: 'оператор',
};
