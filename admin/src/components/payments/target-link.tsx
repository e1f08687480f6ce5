// A record named in the audit trail, linked to its page when it has one.
import { Anchor, Text } from '@mantine/core';
import type { TargetName } from '~/server/audit/target-names';

export const TargetLink = ({ name }: { name: TargetName }) =>
  name.href ? (
    <Anchor href={name.href} size="sm" style={{ overflowWrap: 'anywhere' }}>
      {name.label}
    </Anchor>
  ) : (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {name.label}
    </Text>
  );
