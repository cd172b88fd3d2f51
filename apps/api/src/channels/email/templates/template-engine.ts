import { Liquid } from 'liquidjs';

/**
 * Liquid (liquidjs): a maintained engine whose templates cannot run code, only read the variables
 * we pass. Output escaping is ours to ask for: HTML parts get `outputEscape: 'escape'`.
 */
const text = new Liquid({ strictFilters: true, ownPropertyOnly: true, cache: 100 });
const html = new Liquid({ strictFilters: true, ownPropertyOnly: true, outputEscape: 'escape', cache: 100 });

export type TemplateVars = Record<string, unknown>;

export const renderText = (template: string, vars: TemplateVars) => text.parseAndRender(template, vars) as Promise<string>;
export const renderHtml = (template: string, vars: TemplateVars) => html.parseAndRender(template, vars) as Promise<string>;

/** The parse error of a template, or null when it is valid. */
export function templateError(template: string): string | null {
  try {
    text.parse(template);
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!.slice(0, 300);
  }
}
