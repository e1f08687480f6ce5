// Label–value rows (a receipt's facts), as a table because mail clients lay out tables reliably.
/** @jsxRuntime automatic @jsxImportSource react */ // whichever tsconfig a runner picks up (tsx reads the cwd's)
import { Column, Row, Section } from '@react-email/components';

export type Fact = { label: string; value: string; strong?: boolean };

export const FactTable = ({ facts }: { facts: Fact[] }) => (
  <Section style={{ margin: '8px 0' }}>
    {facts.map((fact) => (
      <Row key={fact.label} style={{ borderBottom: '1px solid #e5e7eb' }}>
        <Column style={{ width: '45%', padding: '6px 8px 6px 0', fontSize: '13px', color: '#555', verticalAlign: 'top' }}>{fact.label}</Column>
        <Column style={{ padding: '6px 0', fontSize: '13px', fontWeight: fact.strong ? 'bold' : 'normal', verticalAlign: 'top' }}>{fact.value}</Column>
      </Row>
    ))}
  </Section>
);
