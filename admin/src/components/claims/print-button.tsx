'use client';
// Opens the browser's print dialog for the resolution page; itself hidden on paper.
import { Button } from '@mantine/core';
import { Printer } from 'lucide-react';

export const PrintButton = () => (
  <Button className="no-print" leftSection={<Printer size={16} aria-hidden />} onClick={() => window.print()}>
    Печать
  </Button>
);
