import { Query } from '@nestjs/cqrs';
import type { KbLocales } from '@switchboard/contracts';

/**
 * The languages the help center is written in: the locales of published articles, and the default
 * that readers fall back to. Lists languages, not articles, so it is the same for every reader.
 */
export class ListLocalesQuery extends Query<KbLocales> {}
