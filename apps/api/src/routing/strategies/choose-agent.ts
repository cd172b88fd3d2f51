import type { Candidate, Choice, RoutingContext, TicketNeeds } from './candidate.js';
import { languageName } from './language-name.js';
import { leastLoaded } from './least-loaded.js';
import { roundRobin } from './round-robin.js';
import { skillsBased } from './skills-based.js';

/**
 * Picks who gets a ticket, or null when it must wait in the team queue. Pure: the caller has loaded
 * the team's active, online members and holds the team's routing lock.
 * 1. Only candidates below capacity. 2. Skills-based keeps those who qualify.
 * 3. Company-assigned agents among them go first. 4. The strategy picks.
 */
export function chooseAgent(candidates: Candidate[], needs: TicketNeeds, context: RoutingContext): Choice | null {
  if (context.strategy === 'manual') return null;
  let pool = candidates.filter((c) => c.load < c.capacity);
  const skillsMatter = context.strategy === 'skills_based' && (needs.skills.length > 0 || needs.language !== null);
  const companyPool = pool.filter((c) => needs.companyAgentIds.includes(c.id));
  const prefix = companyPool.length && needs.companyName ? `company agent for ${needs.companyName}; ` : '';
  if (companyPool.length) pool = companyPool;

  let chosen: Candidate | null;
  let why: string;
  switch (context.strategy) {
    case 'round_robin':
      chosen = roundRobin(pool, context.rrCursor);
      why = `round-robin in ${context.teamName}`;
      break;
    case 'least_loaded':
      chosen = leastLoaded(pool);
      why = chosen ? `least-loaded in ${context.teamName} (${chosen.load}/${chosen.capacity} open)` : '';
      break;
    case 'skills_based': {
      if (!skillsMatter) {
        chosen = leastLoaded(pool);
        why = `least-loaded in ${context.teamName} (no skills required)`;
        break;
      }
      chosen = skillsBased(pool, needs);
      // Company agents first, but not at the price of the required skills: fall back to the whole team.
      if (!chosen && companyPool.length) return chooseAgent(candidates, { ...needs, companyAgentIds: [] }, context);
      const names = [...needs.skills.map((s) => s.name), ...(needs.language ? [languageName(needs.language)] : [])];
      why = `${names.length > 1 ? 'skills' : 'skill'}: ${names.join(', ')}`;
      break;
    }
  }
  return chosen ? { agentId: chosen.id, agentName: chosen.name, reason: `${prefix}${why}` } : null;
}
