'use client';
// A Mantine Anchor that navigates client-side through next/link. Server components cannot pass
// `component={Link}` themselves (a function prop), so they render this.
import { Anchor, type AnchorProps } from '@mantine/core';
import type { Route } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

export type AnchorLinkProps = AnchorProps & { href: string; children: ReactNode; 'aria-label'?: string; rel?: string; target?: string };

export const AnchorLink = ({ href, children, ...props }: AnchorLinkProps) => (
  <Anchor component={Link} href={href as Route} {...props}>
    {children}
  </Anchor>
);
