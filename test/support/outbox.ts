// Reading development mail in tests: the newest email to an address in the email_outbox table
// (where sendEmail keeps it when RESEND_API_KEY is unset), and the links in it.
import type { EmailOutbox, PrismaClient } from '@voltpay/prisma';

export type WaitForEmailOptions = {
  prisma: PrismaClient;
  /** The recipient, compared case-insensitively. */
  to: string;
  /** Only emails stored at or after this instant (take it before triggering the email). */
  since?: Date;
  /** Only emails whose subject matches. */
  subject?: RegExp;
  timeoutMs?: number;
  pollMs?: number;
};

/** Polls until an email matching the options arrives; the newest one wins. */
export const waitForEmail = async ({ prisma, to, since, subject, timeoutMs = 45_000, pollMs = 250 }: WaitForEmailOptions): Promise<EmailOutbox> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await prisma.emailOutbox.findMany({
      where: { to: { equals: to, mode: 'insensitive' }, ...(since ? { createdAt: { gte: since } } : {}) },
      orderBy: { createdAt: 'desc' },
      take: 20,
    });
    const match = rows.find((row) => !subject || subject.test(row.subject));
    if (match) return match;
    if (Date.now() > until) {
      throw new Error(`no email to ${to}${subject ? ` with subject ${subject}` : ''}${since ? ` since ${since.toISOString()}` : ''} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
};

/** Every http(s) link of an email: the text part's URLs, then the html part's hrefs (entities decoded). */
export const extractLinks = (email: Pick<EmailOutbox, 'text' | 'html'>): URL[] => {
  const fromText = email.text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
  const fromHtml = [...email.html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
  const seen = new Set<string>();
  const links: URL[] = [];
  for (const raw of [...fromText, ...fromHtml]) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    links.push(url);
  }
  return links;
};

/** The first link of the email whose address matches `pattern` (e.g. /\/api\/auth\/callback\//); throws when none does. */
export const extractLink = (email: Pick<EmailOutbox, 'text' | 'html' | 'subject'>, pattern: RegExp): URL => {
  const links = extractLinks(email);
  const link = links.find((url) => pattern.test(url.href));
  if (!link) throw new Error(`no link matching ${pattern} in "${email.subject}": ${links.map((l) => l.href).join(', ') || 'no links at all'}`);
  return link;
};

/** Waits for the newest email to `to` and returns its first link matching `pattern`. */
export const waitForEmailLink = async (options: WaitForEmailOptions & { link: RegExp }): Promise<{ email: EmailOutbox; url: URL }> => {
  const email = await waitForEmail(options);
  return { email, url: extractLink(email, options.link) };
};
