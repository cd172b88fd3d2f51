import type { z } from 'zod';

// The contract schemas the portal validates forms with, before the API sees them (it validates again).
// Re-exported from a .server module so route modules import them only in actions, never in the browser bundle.
export {
  zCreateTicketInput,
  zLoginInput,
  zPasswordReset,
  zPasswordResetRequest,
  zRateByTokenInput,
  zRateTicketInput,
  zRegisterInput,
  zReplyInput,
  zTicketId,
} from '@switchboard/contracts';

/** First message per top-level field, the same shape as the API's `fieldErrors`. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    // A select posted with a value it never offered: say so plainly rather than list the enum.
    errors[key] ??= issue.code === 'invalid_value' ? 'is not one of the choices' : issue.message;
  }
  return errors;
}
