import type { Role } from '@switchboard/contracts';
import type { AppAbility } from '../access/app-ability.js';

export interface AuthUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  companyId: number | null;
  companyName: string | null;
  /** Set when the request authenticated with an API key instead of a sign-in token. */
  apiKey?: {
    id: number;
    scope: 'read' | 'write';
    /** The key is known but may not be used now: its owner's role requires two-factor and they have not enrolled (decision 027). */
    refused?: 'two_factor_not_enrolled';
  };
  /** A customer who manages their company's users. */
  companyAdmin?: boolean;
  /**
   * Their role must use two-factor sign-in (admins' setting) and this session has not passed a second
   * factor: only setting it up is allowed (trpc.ts).
   */
  twoFactorSetupRequired?: boolean;
  /** Their company's ticket visibility setting (null without a company). */
  companyTicketVisibility?: 'own' | 'company' | null;
}

/** Who is acting, what they may do, and from where: passed into every command and query. */
export interface Actor {
  user: AuthUser;
  ability: AppAbility;
  ip: string | null;
  /** The client's User-Agent, for the audit trail (absent for work without a request). */
  userAgent?: string | null;
}
