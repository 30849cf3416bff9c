import { describe, expect, it } from 'vitest';
import { parseSocialCsv } from './social-csv.ts';

describe('parseSocialCsv cells', () => {
  it('refuses a non-web address, control characters and a day out of range, naming row and column', () => {
    const csv = [
      'Post ID,Permalink,Description,Publish time,Reach',
      '1,javascript:alert(1),Gala,2022-05-01,10',
      '2,https://instagram.com/p/2,Bad\u0007caption,2022-05-02,20',
      '3,https://instagram.com/p/3,Fine,1899-12-31,30',
      '4,file:///etc/passwd,Fine,2022-05-04,40',
    ].join('\n');
    const { rows, errors } = parseSocialCsv('posts', csv);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { field: 'row 2, column Permalink', message: 'must use http or https' },
      { field: 'row 3, column Description', message: 'must not contain control characters' },
      { field: 'row 4, column Publish time', message: 'must be between 1900-01-01 and 2200-12-31' },
      { field: 'row 5, column Permalink', message: 'must use http or https' },
    ]);
  });

  it('keeps valid cells, trimmed', () => {
    const csv =
      'Post ID,Permalink,Description,Publish time,Reach\n 7 , https://instagram.com/p/7 ,Gala night,2022-05-01,10\n';
    const { rows, errors } = parseSocialCsv('posts', csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      externalId: '7',
      url: 'https://instagram.com/p/7',
      caption: 'Gala night',
    });
  });
});
