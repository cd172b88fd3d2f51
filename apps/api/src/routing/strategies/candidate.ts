import type { RoutingStrategy } from '@switchboard/contracts';

/** A team member who could take a ticket: active and online (SQL filtered), with their load and what they know. */
export interface Candidate {
  id: number;
  name: string;
  /** Open (not resolved, not closed) tickets assigned to them. */
  load: number;
  capacity: number;
  /** skill id -> level 1-5 */
  skills: Map<number, number>;
  languages: string[];
}

/** What the ticket asks for: skills from its category and issue type, its language, its company's agents. */
export interface TicketNeeds {
  skills: { id: number; name: string }[];
  language: string | null;
  companyName: string | null;
  companyAgentIds: number[];
}

export interface RoutingContext {
  strategy: RoutingStrategy;
  teamName: string;
  /** The user id the team's last round-robin ticket went to. */
  rrCursor: number | null;
}

/** Who gets the ticket, and why, in words for the timeline ("round-robin in Billing", "skill: Spanish"). */
export interface Choice {
  agentId: number;
  agentName: string;
  reason: string;
}
