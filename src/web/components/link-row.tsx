import { Table } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/**
 * A table row that opens `to` on click or Enter; the arrow keys move to the row above or below.
 * The row's main cell should also hold a real link (with tabIndex -1) for screen readers.
 */
export function LinkRow({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  const handleKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void navigate(to);
      return;
    }
    const sibling =
      event.key === 'ArrowDown'
        ? event.currentTarget.nextElementSibling
        : event.key === 'ArrowUp'
          ? event.currentTarget.previousElementSibling
          : null;
    if (sibling instanceof HTMLElement) {
      event.preventDefault();
      sibling.focus();
    }
  };
  return (
    <Table.Tr data-clickable tabIndex={0} onClick={() => void navigate(to)} onKeyDown={handleKeyDown}>
      {children}
    </Table.Tr>
  );
}
