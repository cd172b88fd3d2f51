import type { Candidate, RoutingContext, TicketNeeds } from './candidate.js';
import { chooseAgent } from './choose-agent.js';
import { leastLoaded } from './least-loaded.js';
import { roundRobin } from './round-robin.js';
import { qualifies, skillsBased } from './skills-based.js';

const agent = (id: number, load = 0, capacity = 10, skills: [number, number][] = [], languages: string[] = ['en']): Candidate => ({
  id,
  name: `Agent ${id}`,
  load,
  capacity,
  skills: new Map(skills),
  languages,
});
const noNeeds: TicketNeeds = { skills: [], language: null, companyName: null, companyAgentIds: [] };
const ctx = (strategy: RoutingContext['strategy'], rrCursor: number | null = null): RoutingContext => ({ strategy, teamName: 'Billing', rrCursor });

describe('round-robin', () => {
  it('takes the next id after the cursor and wraps around', () => {
    const team = [agent(7), agent(3), agent(5)];
    expect(roundRobin(team, null)?.id).toBe(3);
    expect(roundRobin(team, 3)?.id).toBe(5);
    expect(roundRobin(team, 5)?.id).toBe(7);
    expect(roundRobin(team, 7)?.id).toBe(3);
    // The cursor's agent went offline: the next one in id order still follows.
    expect(roundRobin([agent(3), agent(7)], 5)?.id).toBe(7);
    expect(roundRobin([], 5)).toBeNull();
  });

  it('gives each of four agents the same number over many tickets', () => {
    const team = [agent(1), agent(2), agent(3), agent(4)];
    const counts = new Map<number, number>();
    let cursor: number | null = null;
    for (let i = 0; i < 200; i++) {
      const choice = chooseAgent(team, noNeeds, ctx('round_robin', cursor))!;
      expect(choice.reason).toBe('round-robin in Billing');
      counts.set(choice.agentId, (counts.get(choice.agentId) ?? 0) + 1);
      cursor = choice.agentId;
    }
    expect([...counts.values()]).toEqual([50, 50, 50, 50]);
  });
});

describe('least-loaded', () => {
  it('prefers the lowest share of capacity, then fewer tickets, then the lower id', () => {
    expect(leastLoaded([agent(1, 5, 10), agent(2, 4, 5), agent(3, 3, 10)])?.id).toBe(3);
    expect(leastLoaded([agent(1, 2, 4), agent(2, 1, 2)])?.id).toBe(2);
    expect(leastLoaded([agent(2, 1, 10), agent(1, 1, 10)])?.id).toBe(1);
    expect(chooseAgent([agent(1, 5, 10), agent(2, 1, 10)], noNeeds, ctx('least_loaded'))).toEqual({
      agentId: 2,
      agentName: 'Agent 2',
      reason: 'least-loaded in Billing (1/10 open)',
    });
  });
});

describe('skills-based', () => {
  const needs: TicketNeeds = { skills: [{ id: 1, name: 'Refunds' }], language: 'es', companyName: null, companyAgentIds: [] };

  it('requires every skill and the language; the higher level wins, ties by load', () => {
    expect(qualifies(agent(1, 0, 10, [[1, 2]], ['es-MX']), needs)).toBe(true);
    expect(qualifies(agent(1, 0, 10, [[1, 2]], ['en']), needs)).toBe(false);
    expect(qualifies(agent(1, 0, 10, [], ['es']), needs)).toBe(false);
    const team = [agent(1, 0, 10, [[1, 2]], ['es']), agent(2, 3, 10, [[1, 5]], ['es']), agent(3, 0, 10, [[1, 5]], ['es']), agent(4, 0, 10, [], ['es'])];
    expect(skillsBased(team, needs)?.id).toBe(3);
    expect(chooseAgent(team, needs, ctx('skills_based'))?.reason).toBe('skills: Refunds, Spanish');
    expect(chooseAgent(team, { ...needs, skills: [] }, ctx('skills_based'))?.reason).toBe('skill: Spanish');
  });

  it('lets the ticket wait when nobody qualifies, and falls back to load when nothing is required', () => {
    expect(chooseAgent([agent(1, 0, 10, [], ['en'])], needs, ctx('skills_based'))).toBeNull();
    expect(chooseAgent([agent(1, 4), agent(2, 1)], noNeeds, ctx('skills_based'))).toMatchObject({ agentId: 2, reason: 'least-loaded in Billing (no skills required)' });
  });
});

describe('every strategy', () => {
  it('skips agents at capacity and returns null when nobody is left, and never routes a manual team', () => {
    for (const strategy of ['round_robin', 'least_loaded', 'skills_based'] as const) {
      expect(chooseAgent([agent(1, 10, 10), agent(2, 3, 3)], noNeeds, ctx(strategy))).toBeNull();
      expect(chooseAgent([agent(1, 10, 10), agent(2, 2, 3)], noNeeds, ctx(strategy))?.agentId).toBe(2);
    }
    expect(chooseAgent([agent(1)], noNeeds, ctx('manual'))).toBeNull();
  });

  it('gives company-assigned agents the ticket first, unless they lack a required skill', () => {
    const company: TicketNeeds = { ...noNeeds, companyName: 'Acme', companyAgentIds: [2] };
    expect(chooseAgent([agent(1), agent(2, 5)], company, ctx('least_loaded'))).toMatchObject({ agentId: 2, reason: 'company agent for Acme; least-loaded in Billing (5/10 open)' });
    expect(chooseAgent([agent(1), agent(2)], company, ctx('round_robin', 2))).toMatchObject({ agentId: 2, reason: 'company agent for Acme; round-robin in Billing' });
    // The company agent is full: anyone else in the team.
    expect(chooseAgent([agent(1), agent(2, 10)], company, ctx('least_loaded'))?.agentId).toBe(1);
    const skilled: TicketNeeds = { ...company, skills: [{ id: 9, name: 'Refunds' }] };
    expect(chooseAgent([agent(1, 0, 10, [[9, 1]]), agent(2)], skilled, ctx('skills_based'))).toMatchObject({ agentId: 1, reason: 'skill: Refunds' });
  });
});
