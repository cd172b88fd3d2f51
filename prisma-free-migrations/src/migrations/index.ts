import type { Migration } from '../migration.js';
import { migration as peopleAndAuth } from './2026-11-22T0001-people-and-auth.js';
import { migration as ticketsAndTimeline } from './2026-11-22T0002-tickets-and-timeline.js';
import { migration as outbox } from './2026-11-22T0003-outbox.js';
import { migration as entryHtmlAndMentions } from './2026-11-24T0001-entry-html-and-mentions.js';

/** Every migration, in order. A landed migration is never edited: add a new one. */
export const migrations: Migration[] = [
  peopleAndAuth,
  ticketsAndTimeline,
  outbox,
  entryHtmlAndMentions,
];
