import { useLocation } from '@remix-run/react';
import { useStickyMessage } from '@switchboard/ui';
import type { Flash } from '~/session.server';

/** The one-time message left by the last action ("Reply sent", "Status changed"); it stays until the agent navigates. */
export function FlashMessage({ flash }: { flash: Flash | null | undefined }) {
  const shown = useStickyMessage(flash, useLocation().key);
  if (!shown) return null;
  return (
    <p
      className={`sb-alert sb-alert--${shown.kind}`}
      data-testid={shown.kind === 'error' ? 'error' : 'flash'}
      role={shown.kind === 'error' ? 'alert' : 'status'}
    >
      {shown.message}
    </p>
  );
}
