import { describe, expect, it } from 'vitest';
import { contactKeys, normaliseHandle, parseChannelsCell, readMediaContactRows } from './media-contacts.ts';

describe('parseChannelsCell', () => {
  it('reads handles and addresses, and names an unknown channel', () => {
    expect(parseChannelsCell('instagram:@aigerim; telegram = https://t.me/aigerim')).toEqual({
      value: [
        { kind: 'instagram', handle: '@aigerim', url: null },
        { kind: 'telegram', handle: null, url: 'https://t.me/aigerim' },
      ],
    });
    expect(parseChannelsCell('myspace:@x').error).toContain('"myspace" is not a channel');
    expect(parseChannelsCell('@x').error).toContain('channel:handle');
  });
});

describe('contactKeys', () => {
  it('makes e-mails and handles comparable', () => {
    expect(normaliseHandle(' @Aigerim.Eats ')).toBe('aigerim.eats');
    expect(
      contactKeys({
        email: ' A@B.kz ',
        channels: [
          { kind: 'instagram', handle: '@AA', url: null },
          { kind: 'website', handle: null, url: 'https://Vlast.kz/' },
        ],
      }),
    ).toEqual(['email:a@b.kz', 'instagram:aa', 'website:https://vlast.kz']);
  });
});

describe('readMediaContactRows', () => {
  it('accepts header aliases, skips empty rows, and reports each bad cell', () => {
    const { contacts, errors } = readMediaContactRows(
      [
        ['Nome', 'Tipo', 'E-mail', 'Followers', 'Lingue'],
        ['Aigerim', 'blogger', 'a@b.kz', '12k', 'kk, ru'],
        ['', '', '', '', ''],
        ['', 'podcaster', 'x', '-', 'kazakh'],
      ],
      [1, 2, 3, 4],
    );
    expect(contacts[0]).toMatchObject({
      name: 'Aigerim',
      kind: 'blogger',
      audienceSize: 12000,
      languages: ['kk', 'ru'],
    });
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '4:name',
      '4:kind',
      '4:email',
      '4:languages',
      '4:audience',
    ]);
  });

  it('needs a name column', () => {
    expect(readMediaContactRows([['email'], ['a@b.kz']], [1, 2]).errors).toEqual([
      { row: 1, column: 'name', message: 'the header has no "name" column' },
    ]);
  });
});
