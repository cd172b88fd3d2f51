import { data } from '@remix-run/node';
import { requireAgent, type AgentContext } from './session.server';

/** Admin pages: every loader and action checks the role itself (the API checks again). */
export async function requireAdmin(request: Request): Promise<AgentContext> {
  const ctx = await requireAgent(request);
  if (ctx.user.role !== 'admin') {
    throw data({ kind: 'forbidden', message: 'Only admins can change issue types, categories and teams.' }, { status: 403 });
  }
  return ctx;
}
