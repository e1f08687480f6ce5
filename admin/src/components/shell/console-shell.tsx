'use client';
// The console's frame: header (product, who is signed in, sign-out) and the navigation of the areas
// this member of staff may open. A burger folds the navigation away on a phone.
import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { StaffRole } from '@voltpay/prisma';
import {
  BookUser,
  LayoutDashboard,
  ListChecks,
  LogOut,
  MapPin,
  MessageSquareWarning,
  ReceiptText,
  ScrollText,
  Tags,
  Users,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { navItemsFor, roleLabels, type NavItem } from './nav-items';
import { SessionKeepAlive } from './session-keep-alive';

const icons: Record<NavItem['icon'], LucideIcon> = {
  dashboard: LayoutDashboard,
  payments: ReceiptText,
  claims: MessageSquareWarning,
  queues: ListChecks,
  tariffs: Tags,
  districts: MapPin,
  accounts: BookUser,
  staff: Users,
  audit: ScrollText,
};

export type ConsoleShellProps = {
  staff: { email: string; name: string; roles: StaffRole[] };
  /** A server action that ends the session. */
  signOut: () => Promise<void>;
  children: ReactNode;
};

const isActive = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));

const SignOutButton = ({ signOut }: { signOut: () => Promise<void> }) => (
  <form action={signOut}>
    <Button type="submit" variant="default" size="xs" leftSection={<LogOut size={16} aria-hidden />}>
      Выйти
    </Button>
  </form>
);

const WhoAmI = ({ staff }: { staff: ConsoleShellProps['staff'] }) => (
  <Stack gap={2} align="flex-end">
    <Text size="sm" fw={600} lh={1.2}>
      <VisuallyHidden>Вы вошли как </VisuallyHidden>
      {staff.email}
    </Text>
    <Group gap={4} aria-label="Ваши роли">
      {staff.roles.map((role) => (
        <Badge key={role} size="xs" variant="light" color="blue">
          {roleLabels[role]}
        </Badge>
      ))}
    </Group>
  </Stack>
);

export const ConsoleShell = ({ staff, signOut, children }: ConsoleShellProps) => {
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = usePathname();
  const items = navItemsFor(staff.roles);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Скрыть разделы' : 'Показать разделы'} />
            <Link href="/" className="brand">
              <Zap size={20} aria-hidden />
              <span>Voltpay</span>
              <Text span size="sm" c="dimmed" visibleFrom="xs">
                консоль сотрудников
              </Text>
            </Link>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group visibleFrom="sm">
              <WhoAmI staff={staff} />
            </Group>
            <SignOutButton signOut={signOut} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Разделы консоли">
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => {
            const Icon = icons[item.icon];
            const active = isActive(pathname, item.href);
            return (
              <NavLink
                key={item.href}
                component={Link}
                href={item.href}
                label={item.label}
                leftSection={<Icon size={18} aria-hidden />}
                active={active}
                // Filled: white on the dark primary; the light variant's blue on pale blue is under 4.5:1.
                variant="filled"
                aria-current={active ? 'page' : undefined}
                onClick={close}
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" p="xs">
          <WhoAmI staff={staff} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <SessionKeepAlive />
        {children}
      </AppShell.Main>
    </AppShell>
  );
};
