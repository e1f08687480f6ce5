import { z } from 'zod';

export const ZStaffRole = z.enum(['admin', 'sales', 'operator']);

export const ZStaffRoles = z
  .array(ZStaffRole)
  .min(1, 'Выберите хотя бы одну роль.')
  .transform((roles) => [...new Set(roles)]);

export const ZStaffUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(ZStaffRole),
  active: z.boolean(),
  lastSignInAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZStaffUserId = z.object({ id: z.uuid('Неверный идентификатор сотрудника.') });
