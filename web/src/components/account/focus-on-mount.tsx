'use client';
// A heading that takes focus when it appears (a result after a form, a page reached from a link
// in an email), so keyboard and screen-reader users start reading where the news is.
import { useEffect, useRef, type ReactNode } from 'react';

export const FocusHeading = ({ level = 2, id, className, children }: { level?: 1 | 2; id?: string; className?: string; children: ReactNode }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} id={id} className={`account-focus-target${className ? ` ${className}` : ''}`} tabIndex={-1}>
      {children}
    </Tag>
  );
};
