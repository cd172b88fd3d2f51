import type { LinkKind, TicketLink } from '@switchboard/contracts';
import type { Viewer } from './labels.js';

/** Timeline event fields written by merge and split; `event.to` names the other ticket ("#1005"). */
export const LINK_EVENT_FIELDS = ['merged_into', 'merged_from', 'split_into', 'split_from', 'moved_out', 'moved_in'] as const;
export type LinkEventField = (typeof LINK_EVENT_FIELDS)[number];

export function isLinkEventField(field: string): field is LinkEventField {
  return (LINK_EVENT_FIELDS as readonly string[]).includes(field);
}

/**
 * A link as the words before and after the other ticket's number, so an app can make the number a
 * link: ["Merged into ", ""] around "#1005". `linkLabel` joins them into one sentence.
 */
export type LinkWording = readonly [before: string, after: string];

type Direction = TicketLink['direction'];

const AGENT: Record<LinkKind, Record<Direction, LinkWording>> = {
  merged: { outgoing: ['Merged into ', ''], incoming: ['', ' was merged into this ticket'] },
  split: { outgoing: ['Split into ', ''], incoming: ['Split from ', ''] },
  follow_up: { outgoing: ['Follow-up: ', ''], incoming: ['Follow-up to ', ''] },
  related: { outgoing: ['Related to ', ''], incoming: ['Related to ', ''] },
};

const CUSTOMER: Record<LinkKind, Record<Direction, LinkWording>> = {
  merged: { outgoing: ['This request continues on ', ''], incoming: ['Your request ', ' was merged into this one'] },
  split: { outgoing: ['Part of this request continues on ', ''], incoming: ['Split from your request ', ''] },
  follow_up: { outgoing: ['Continued on ', ''], incoming: ['Follows up on your request ', ''] },
  related: { outgoing: ['Related request ', ''], incoming: ['Related request ', ''] },
};

export function linkWording(link: Pick<TicketLink, 'kind' | 'direction'>, viewer: Viewer): LinkWording {
  return (viewer === 'customer' ? CUSTOMER : AGENT)[link.kind][link.direction];
}

/** "Merged into #1005", "#1003 was merged into this ticket"; for customers "This request continues on #1003". */
export function linkLabel(link: Pick<TicketLink, 'kind' | 'direction' | 'ticket'>, viewer: Viewer): string {
  const [before, after] = linkWording(link, viewer);
  return `${before}#${link.ticket.number}${after}`;
}

/**
 * Merge and split events. Staff read who did it ("Ana merged #1005 into this ticket"); a customer
 * reads where their request went, without staff names ("This request continues on #1003").
 */
export function describeLinkEvent(field: LinkEventField, other: string | null, viewer: Viewer, actorName: string): string {
  const ref = other?.trim() || 'another ticket';
  if (viewer === 'customer') {
    switch (field) {
      case 'merged_into':
        return `This request continues on ${ref}`;
      case 'merged_from':
        return `Your request ${ref} was merged into this one`;
      case 'split_into':
        return `Part of this request continues on ${ref}`;
      case 'split_from':
        return `Split from your request ${ref}`;
      case 'moved_out':
        return `A message continues on ${ref}`;
      case 'moved_in':
        return `A message joined from ${ref}`;
    }
  }
  switch (field) {
    case 'merged_into':
      return `${actorName} merged this ticket into ${ref}`;
    case 'merged_from':
      return `${actorName} merged ${ref} into this ticket`;
    case 'split_into':
      return `${actorName} split ${ref} off this ticket`;
    case 'split_from':
      return `Split from ${ref} by ${actorName}`;
    case 'moved_out':
      return `${actorName} moved a message to ${ref}`;
    case 'moved_in':
      return `${actorName} moved a message here from ${ref}`;
  }
}
