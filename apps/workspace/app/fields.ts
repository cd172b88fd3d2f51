/**
 * The contracts phrase field errors as fragments ("is required", "must be a valid email address");
 * next to a field they read as a sentence with the field's name in front.
 */
export function fieldSentence(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  // Some API messages name the field for REST callers ("email: ..."); next to the field that repeats it.
  message = message.replace(/^[\w.]+:\s+/, '');
  const sentence = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
