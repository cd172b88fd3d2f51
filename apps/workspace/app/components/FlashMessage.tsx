import type { Flash } from '~/session.server';

/** The one-time message left by the last action ("Reply sent", "Status changed"). */
export function FlashMessage({ flash }: { flash: Flash | null | undefined }) {
  if (!flash) return null;
  return (
    <p
      className={`sb-alert sb-alert--${flash.kind}`}
      data-testid={flash.kind === 'error' ? 'error' : 'flash'}
      role={flash.kind === 'error' ? 'alert' : 'status'}
    >
      {flash.message}
    </p>
  );
}
