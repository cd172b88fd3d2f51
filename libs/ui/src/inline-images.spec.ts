import { describe, expect, it } from '@jest/globals';
import { inlineCidImages, inlinedIds } from './inline-images.js';

const shot = { id: 12, filename: 'screenshot.png', contentType: 'image/png', size: 70, url: '/api/v1/attachments/12', contentId: 'shot1@client' };
const other = { id: 13, filename: 'report.pdf', contentType: 'application/pdf', size: 900, url: '/api/v1/attachments/13' };
const url = (id: number) => `/attachments/${id}`;

describe('inlineCidImages', () => {
  it('points a cid: image at the entry file with that Content-ID, through the app route', () => {
    expect(inlineCidImages('<p><img src="cid:shot1@client" alt="x" /></p>', [shot, other], url)).toBe(
      '<p><img src="/attachments/12" data-inline-attachment-id="12" alt="x" /></p>',
    );
  });

  it('matches Content-IDs case-insensitively', () => {
    expect(inlineCidImages('<img src="cid:SHOT1@Client">', [shot], url)).toContain('src="/attachments/12"');
  });

  it('leaves an image whose file is not on the entry (or not visible to the viewer) without a source', () => {
    expect(inlineCidImages('<img src="cid:elsewhere@x">', [shot], url)).toBe('<img src="">');
    expect(inlineCidImages('<img src="cid:shot1@client">', undefined, url)).toBe('<img src="">');
  });

  it('does not touch HTML without cid: references', () => {
    const html = '<p>cid is a word, <a href="https://x.test">link</a></p>';
    expect(inlineCidImages(html, [shot], url)).toBe(html);
  });

  it('names the files shown in place, so the file list can leave them out', () => {
    expect([...inlinedIds('<img src="cid:shot1@client">', [shot, other])]).toEqual([12]);
    expect(inlinedIds(undefined, [shot]).size).toBe(0);
  });
});
