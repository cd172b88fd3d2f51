import type { WhatsappTemplate } from '@switchboard/contracts';

const LINE = /^([A-Za-z0-9_.-]{1,64})\s*=\s*(HX[0-9a-fA-F]{32})\s*(?:\(([^)]*)\))?$/;

/**
 * The admin's template list: one per line (or separated by ";"), `name=HX<32 hex>(var, var)`;
 * the variables are named in the order of the template's {{1}}, {{2}}... Returns the templates, or
 * the first line that is not one.
 */
export function parseWhatsappTemplates(text: string | null | undefined): { templates: WhatsappTemplate[] } | { error: string } {
  const templates: WhatsappTemplate[] = [];
  for (const raw of (text ?? '').split(/[\n;]/)) {
    const line = raw.trim();
    if (!line) continue;
    const match = LINE.exec(line);
    if (!match) return { error: `"${line.slice(0, 60)}" is not name=HX…(variables)` };
    const variables = (match[3] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
    if (templates.some((t) => t.name === match[1])) return { error: `the template name "${match[1]}" is used twice` };
    templates.push({ name: match[1]!, contentSid: match[2]!, variables });
  }
  return { templates };
}

/** Twilio's ContentVariables: the values by position, {"1": ..., "2": ...}. */
export function contentVariables(template: WhatsappTemplate, values: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(template.variables.map((name, i) => [String(i + 1), values[name] ?? ''])));
}

/** What the timeline shows for a template sent: its name and the values filled in. */
export function templateSummary(template: WhatsappTemplate, values: Record<string, string>): string {
  const filled = template.variables.map((name) => `${name}: ${values[name]}`).join('\n');
  return `WhatsApp template “${template.name}”${filled ? `\n${filled}` : ''}`;
}
