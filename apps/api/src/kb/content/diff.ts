import type { KbDiff } from '@switchboard/contracts';
import { diffLines, diffWordsWithSpace } from 'diff';

type Part = KbDiff['body'][number];

const parts = (changes: { added?: boolean; removed?: boolean; value: string }[]): Part[] =>
  changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));

/** A readable diff between two versions: the title word by word, the Markdown line by line, tags as sets. */
export function diffVersions(
  from: { number: number; title: string; bodyMd: string; tags: string[] },
  to: { number: number; title: string; bodyMd: string; tags: string[] },
): KbDiff {
  return {
    from: from.number,
    to: to.number,
    title: parts(diffWordsWithSpace(from.title, to.title)),
    body: parts(diffLines(from.bodyMd, to.bodyMd)),
    tags: { added: to.tags.filter((t) => !from.tags.includes(t)), removed: from.tags.filter((t) => !to.tags.includes(t)) },
  };
}
