import { DOMParser, type Element } from '@xmldom/xmldom';
import twilio from 'twilio';

/** The public address Twilio is told to call (behind a proxy): signatures are computed over it, requests go to the local API. */
export const PUBLIC_WEBHOOK_BASE = 'https://helpdesk.example.com';

export interface WebhookResponse {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * Posts a webhook the way Twilio does: form-encoded, signed with the library's own
 * getExpectedTwilioSignature over the public URL. `signature` overrides the header (null: none).
 */
export async function postTwilio(
  apiUrl: string,
  authToken: string,
  path: string,
  params: Record<string, string>,
  opts: { signature?: string | null; signedParams?: Record<string, string>; signedUrl?: string } = {},
): Promise<WebhookResponse> {
  const signature =
    opts.signature === undefined
      ? twilio.getExpectedTwilioSignature(authToken, opts.signedUrl ?? `${PUBLIC_WEBHOOK_BASE}${path}`, opts.signedParams ?? params)
      : opts.signature;
  const res = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

/** A TwiML document as a tree of { name, attributes, text, children }, for element-by-element assertions. */
export interface TwimlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: TwimlNode[];
}

export function parseTwiml(xml: string): TwimlNode {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const walk = (el: Element): TwimlNode => {
    const children: TwimlNode[] = [];
    let text = '';
    for (let i = 0; i < el.childNodes.length; i++) {
      const node = el.childNodes[i];
      if (node.nodeType === 1) children.push(walk(node as Element));
      else if (node.nodeType === 3) text += node.nodeValue ?? '';
    }
    const attributes: Record<string, string> = {};
    for (let i = 0; i < el.attributes.length; i++) attributes[el.attributes[i].name] = el.attributes[i].value;
    return { name: el.tagName, attributes, text: text.trim(), children };
  };
  return walk(doc.documentElement as Element);
}

let counter = 0;
/** A unique Twilio-looking sid with the given two-letter prefix (SM, MM, CA, RE...). */
export const fakeSid = (prefix: string) => `${prefix}${Date.now().toString(16).padStart(16, '0')}${(++counter).toString(16).padStart(16, '0')}`;
