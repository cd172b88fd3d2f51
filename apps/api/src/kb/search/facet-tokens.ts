/** The FULLTEXT tokens that let filters narrow inside the index (see the migration). */
const token = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_');
export const tagFacet = (tag: string) => `kbtag_${token(tag)}`;
export const localeFacet = (locale: string) => `kbloc_${token(locale)}`;
export const categoryFacet = (id: number) => `kbcat_${id}`;
export const facetsOf = (a: { tags: string[]; locale: string; categoryId: number }) =>
  [...a.tags.map(tagFacet), localeFacet(a.locale), categoryFacet(a.categoryId)].join(' ');
