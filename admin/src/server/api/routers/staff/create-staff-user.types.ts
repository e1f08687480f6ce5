import { z } from 'zod';
import { ZStaffRoles, ZStaffUser } from './shared.types';

export const ZCreateStaffUserRequest = z.object({
  email: z.email('Введите адрес электронной почты, например ivanova@voltpay.ru.').trim().toLowerCase().max(254),
  name: z.string().trim().min(2, 'Введите имя и фамилию.').max(120, 'Не длиннее 120 символов.'),
  roles: ZStaffRoles,
});

export const ZCreateStaffUserResponse = ZStaffUser;

export type TCreateStaffUserRequest = z.input<typeof ZCreateStaffUserRequest>;
export type TCreateStaffUserResponse = z.infer<typeof ZCreateStaffUserResponse>;
