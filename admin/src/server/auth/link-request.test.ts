import { describe, expect, it, vi } from 'vitest';
import { mayReceiveSignInLink } from './link-request';

/** Dependencies that record what they were asked, each answering after the same delay. */
const recorder = ({ staff, allowance }: { staff: string[]; allowance: boolean }) => {
  const asked: string[] = [];
  const isActiveStaff = vi.fn(async (email: string) => {
    asked.push(`staff?:${email}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return staff.includes(email);
  });
  const takeLink = vi.fn(async (email: string) => {
    asked.push(`take:${email}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return allowance;
  });
  return { asked, isActiveStaff, takeLink };
};

describe('mayReceiveSignInLink', () => {
  it('sends a link to active staff with allowance left, to nobody else', async () => {
    const staff = ['op@voltpay.local'];
    expect(await mayReceiveSignInLink({ email: 'op@voltpay.local', ...recorder({ staff, allowance: true }) })).toBe(true);
    expect(await mayReceiveSignInLink({ email: 'op@voltpay.local', ...recorder({ staff, allowance: false }) })).toBe(false);
    expect(await mayReceiveSignInLink({ email: 'nobody@example.ru', ...recorder({ staff, allowance: true }) })).toBe(false);
  });

  it('does the same work for an address that is not staff as for one that is', async () => {
    const known = recorder({ staff: ['op@voltpay.local'], allowance: true });
    const unknown = recorder({ staff: ['op@voltpay.local'], allowance: true });
    await mayReceiveSignInLink({ email: 'op@voltpay.local', ...known });
    await mayReceiveSignInLink({ email: 'nobody@example.ru', ...unknown });
    // The same questions, once each, in the same order: only the address differs.
    expect(known.asked.map((q) => q.split(':')[0])).toEqual(['staff?', 'take']);
    expect(unknown.asked.map((q) => q.split(':')[0])).toEqual(known.asked.map((q) => q.split(':')[0]));
    // A stranger's address spends its allowance too: the limit's upsert is not the tell.
    expect(unknown.takeLink).toHaveBeenCalledWith('nobody@example.ru');
  });
});
