import { extractMentionTokens, MAX_MENTIONS_PER_NOTE, resolveMentions } from './mention-tokens.js';

describe('extractMentionTokens', () => {
  it('finds @tokens, lower-cased, once each, without trailing punctuation', () => {
    expect(extractMentionTokens('@Ana can you check? cc @ben.k, and @ana again. (@carl)')).toEqual(['ana', 'ben.k', 'carl']);
  });

  it('ignores email addresses, lone @ and one-letter tokens', () => {
    expect(extractMentionTokens('mail cody@example.test or @ or @x')).toEqual([]);
  });

  it('caps the number of tokens per note', () => {
    const text = Array.from({ length: 50 }, (_, i) => `@user${i}`).join(' ');
    expect(extractMentionTokens(text)).toHaveLength(MAX_MENTIONS_PER_NOTE);
  });
});

describe('resolveMentions', () => {
  const ana = { id: 1, name: 'Ana Lopez', email: 'ana.lopez@acme.test' };
  const agent = { id: 2, name: 'Agent One', email: 'agent@acme.test' };
  const agent2 = { id: 3, name: 'Agent Two', email: 'agent2@acme.test' };

  it('resolves a unique prefix of the local part', () => {
    expect(resolveMentions(['ana'], [ana, agent]).get('ana')).toBe(ana);
  });

  it('prefers an exact local part over longer ones that share the prefix', () => {
    expect(resolveMentions(['agent'], [agent, agent2]).get('agent')).toBe(agent);
    expect(resolveMentions(['agent2'], [agent, agent2]).get('agent2')).toBe(agent2);
  });

  it('leaves ambiguous and unknown tokens unresolved', () => {
    const resolved = resolveMentions(['age', 'zed'], [agent, agent2]);
    expect(resolved.size).toBe(0);
  });

  it('does not match the domain part', () => {
    expect(resolveMentions(['acme'], [ana]).size).toBe(0);
  });
});
