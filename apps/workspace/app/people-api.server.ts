import type {
  AgentProfile,
  AuthResult,
  Availability,
  Company,
  Invitation,
  RoutingRule,
  RoutingStrategy,
  Skill,
  Team,
  UpdateAgentInput,
} from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

/** The people, team, skill and company procedures the admin pages and the header call. */
export interface PeopleProcedures {
  people: {
    agents: { query(input?: { teamId?: number }): Promise<AgentProfile[]> };
    agent: { query(input: { id: number }): Promise<AgentProfile> };
    updateAgent: { mutate(input: UpdateAgentInput): Promise<AgentProfile> };
    setSkills: { mutate(input: { id: number; skills: { skillId: number; level: number }[] }): Promise<AgentProfile> };
    setAvailability: { mutate(input: { id?: number; availability: Availability }): Promise<AgentProfile> };
    invite: { mutate(input: { email: string; name: string; role: 'agent' | 'manager' | 'admin' }): Promise<Invitation> };
    acceptInvitation: { mutate(input: { token: string; name: string; password: string }): Promise<AuthResult> };
    skills: { query(): Promise<Skill[]> };
    saveSkill: { mutate(input: { id?: number; name: string }): Promise<Skill> };
    teams: { query(): Promise<Team[]> };
    saveTeam: { mutate(input: { id?: number; name: string; routingStrategy: RoutingStrategy; isDefault: boolean; memberIds?: number[] }): Promise<Team> };
  };
  routing: {
    rules: { query(): Promise<RoutingRule[]> };
    setRule: { mutate(input: { kind: RoutingRule['kind']; id: number; teamId: number | null; skillId: number | null }): Promise<RoutingRule> };
  };
  companies: {
    list: { query(): Promise<Company[]> };
    save: {
      mutate(input: {
        id?: number;
        name: string;
        ticketVisibility: 'own' | 'company';
        brandName?: string | null;
        brandPrimaryColor?: string | null;
        brandAccentColor?: string | null;
        voiceGreeting?: string | null;
        brandLogoUrl?: string | null;
        agentIds?: number[];
      }): Promise<Company>;
    };
  };
}

export function peopleApi(api: ApiClient): PeopleProcedures {
  // No cast: if the API stops matching what these pages expect, type-checking says so here.
  return api;
}
