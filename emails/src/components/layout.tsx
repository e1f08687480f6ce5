// The frame every Voltpay email shares: the utility's name on top, the content, a footer that
// says why the reader got this message. Inline styles only: mail clients ignore stylesheets.
/** @jsxRuntime automatic @jsxImportSource react */ // whichever tsconfig a runner picks up (tsx reads the cwd's)
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

export type EmailLayoutProps = {
  lang: string;
  /** The one line mail clients show next to the subject. */
  preview: string;
  brand: string;
  footer: string;
  children: ReactNode;
};

export const EmailLayout = ({ lang, preview, brand, footer, children }: EmailLayoutProps) => (
  <Html lang={lang}>
    <Head />
    <Preview>{preview}</Preview>
    <Body style={{ backgroundColor: '#f4f5f7', fontFamily: 'Arial, Helvetica, sans-serif', color: '#111' }}>
      <Container style={{ backgroundColor: '#ffffff', maxWidth: '560px', margin: '24px auto', padding: '24px' }}>
        <Text style={{ fontSize: '14px', fontWeight: 'bold', color: '#0b4f9c', margin: '0 0 16px' }}>{brand}</Text>
        <Section>{children}</Section>
        <Hr style={{ borderColor: '#dde1e6', margin: '24px 0 12px' }} />
        <Text style={{ fontSize: '12px', color: '#555', margin: 0 }}>{footer}</Text>
      </Container>
    </Body>
  </Html>
);
