'use client';
// A step's <h1>: takes the focus when a step replaces another in the page (client navigation, a
// status change), so keyboard and screen-reader users start reading the new step from its title.
// On a fresh page load the focus stays where the browser puts it (the skip link comes first).
import { useEffect, useRef, type ReactNode } from 'react';

let documentHasShownAStep = false;

export const StepHeading = ({ children, id = 'step-title' }: { children: ReactNode; id?: string }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (documentHasShownAStep) ref.current?.focus();
    documentHasShownAStep = true;
  }, []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className="step-heading">
      {children}
    </h1>
  );
};
