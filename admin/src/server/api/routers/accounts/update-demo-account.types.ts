import { z } from 'zod';
import { ZId } from '~/server/reference/schemas';
import { ZDemoAccountFields } from './create-demo-account.types';

export const ZUpdateDemoAccountRequest = ZDemoAccountFields.extend({ id: ZId });
export const ZUpdateDemoAccountResponse = z.object({ id: z.string() });

export type TUpdateDemoAccountRequest = z.input<typeof ZUpdateDemoAccountRequest>;
export type TUpdateDemoAccountResponse = z.infer<typeof ZUpdateDemoAccountResponse>;
