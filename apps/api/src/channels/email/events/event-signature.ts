import { EventWebhook } from '@sendgrid/eventwebhook';

const verifier = new EventWebhook();

/** SendGrid shows the key as bare base64 (DER); the library reads PEM. */
const asPem = (key: string) =>
  key.includes('BEGIN PUBLIC KEY') ? key : `-----BEGIN PUBLIC KEY-----\n${key.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;

/**
 * Is this Event Webhook post signed by SendGrid? ECDSA (P-256, SHA-256) over timestamp + raw body,
 * checked with @sendgrid/eventwebhook against the verification key from SendGrid's mail settings.
 */
export function eventSignatureValid(publicKey: string | null, rawBody: Buffer, signature: string | undefined, timestamp: string | undefined): boolean {
  if (!publicKey || !signature || !timestamp) return false;
  try {
    return verifier.verifySignature(verifier.convertPublicKeyToECDSA(asPem(publicKey)), rawBody, signature, timestamp);
  } catch {
    return false;
  }
}
