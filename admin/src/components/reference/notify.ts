// A "saved" notification of the reference pages, with a named close button (axe: button-name).
import { notifications } from '@mantine/notifications';

export const notifySaved = (message: string) => notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': 'Закрыть уведомление' } });
