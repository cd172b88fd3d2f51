import { automaticReason, isBounce } from './classify.js';

const msg = (headers: Record<string, string>, envelopeFrom: string | null = 'a@b.test') => ({
  headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
  envelopeFrom,
});

describe('automaticReason', () => {
  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
    [{ 'X-Autoreply': 'yes' }, 'X-Autoreply'],
    [{ 'X-Autorespond': 'vacation' }, 'X-Autorespond'],
    [{ Precedence: 'bulk' }, 'Precedence: bulk'],
    [{ Precedence: 'list' }, 'Precedence: list'],
    [{ Precedence: 'junk' }, 'Precedence: junk'],
    [{ 'List-Id': '<news.example.test>' }, 'List-Id'],
    [{ 'Return-Path': '<>' }, 'empty return path'],
  ])('flags %j', (headers, reason) => {
    expect(automaticReason(msg(headers))).toBe(reason);
  });

  it('lets mail written by people through', () => {
    expect(automaticReason(msg({ 'Auto-Submitted': 'no', Precedence: 'first-class', 'Return-Path': '<a@b.test>' }))).toBeNull();
    expect(automaticReason(msg({}, ''))).toBe('empty return path');
  });
});

describe('isBounce', () => {
  it('knows reports and the mailer daemon', () => {
    expect(isBounce({ report: { originalMessageId: null, recipient: null, action: null, status: null, diagnostic: null }, from: null })).toBe(true);
    expect(isBounce({ report: null, from: { address: 'mailer-daemon@mx.test', name: '' } })).toBe(true);
    expect(isBounce({ report: null, from: { address: 'jane@mx.test', name: '' } })).toBe(false);
  });
});
