import { describe, expect, it } from 'vitest';
import { parseSocialCsv } from './social-csv.ts';
import { computeEngagementRate, periodChanges, postEngagements, shiftMonth } from './social-metrics.ts';

describe('computeEngagementRate', () => {
  it('divides by reach by default and says so', () => {
    const rate = computeEngagementRate({
      engagements: 424,
      reach: 7422,
      followers: 5000,
      impressions: 20000,
    });
    expect(rate.basis).toBe('reach');
    expect(rate.label).toBe('engagement rate by reach');
    expect(rate.value).toBeCloseTo(5.713, 2);
  });

  it('divides by followers or impressions when asked, labelled', () => {
    const input = { engagements: 424, reach: 7422, followers: 5000, impressions: 20000 };
    expect(computeEngagementRate(input, 'followers')).toMatchObject({
      value: 8.48,
      label: 'engagement rate by followers',
    });
    expect(computeEngagementRate(input, 'impressions')).toMatchObject({ value: 2.12, basis: 'impressions' });
  });

  it('gives null rather than dividing by zero or by nothing', () => {
    expect(computeEngagementRate({ engagements: 10, reach: 0 }).value).toBeNull();
    expect(computeEngagementRate({ engagements: 10 }, 'followers').value).toBeNull();
    expect(computeEngagementRate({ engagements: null, reach: 10 }).value).toBeNull();
  });

  it('counts a post’s engagements without clicks', () => {
    expect(postEngagements({ likes: 10, comments: 2, shares: 3, saves: null })).toBe(15);
  });
});

describe('periodChanges', () => {
  const snapshots = [
    { month: '2021-12-01', accountsReached: 2922, followers: 1000 },
    { month: '2022-11-01', accountsReached: 5000, followers: 1250 },
    { month: '2022-12-01', accountsReached: 7422, followers: 1300 },
  ];

  it('compares the latest month with the month before and the same month a year before', () => {
    const changes = periodChanges(snapshots, 'accountsReached');
    expect(changes.month).toBe('2022-12-01');
    expect(changes.mom?.percent).toBeCloseTo(48.44, 1);
    expect(changes.yoy?.percent).toBeCloseTo(154, 0);
    expect(periodChanges(snapshots, 'followers').yoy?.percent).toBeCloseTo(30, 5);
  });

  it('is null when the earlier month is missing', () => {
    const changes = periodChanges(snapshots, 'accountsReached', '2022-11-01');
    expect(changes.mom).toBeNull();
    expect(changes.yoy).toBeNull();
    expect(periodChanges([], 'followers' as never)).toEqual({ month: null, mom: null, yoy: null });
  });

  it('shifts months across years', () => {
    expect(shiftMonth('2022-01-01', -1)).toBe('2021-12-01');
    expect(shiftMonth('2022-12-01', -12)).toBe('2021-12-01');
    expect(shiftMonth('2022-11-01', 3)).toBe('2023-02-01');
  });
});

describe('parseSocialCsv', () => {
  it('reads an Instagram-style monthly export', () => {
    const csv =
      '\uFEFFMonth,Followers,Accounts reached,Accounts engaged,Impressions,Posts\n2021-12,1000,"2,922",150,9000,12\nDecember 2022,1300,7422,424,,20\n';
    const { rows, errors } = parseSocialCsv('snapshots', csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        month: '2021-12-01',
        followers: 1000,
        accountsReached: 2922,
        accountsEngaged: 150,
        impressions: 9000,
        posts: 12,
      },
      {
        month: '2022-12-01',
        followers: 1300,
        accountsReached: 7422,
        accountsEngaged: 424,
        impressions: null,
        posts: 20,
      },
    ]);
  });

  it('reads a Meta Business Suite post export with US dates', () => {
    const csv =
      'Post ID,Permalink,Description,Publish time,Reach,Impressions,Likes,Comments,Shares,Saves,Link clicks\n17890,https://instagram.com/p/abc,Concert,12/18/2022 19:30,5400,8000,320,14,9,22,5\n';
    const { rows, errors } = parseSocialCsv('posts', csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      externalId: '17890',
      publishedOn: '2022-12-18',
      reach: 5400,
      likes: 320,
      clicks: 5,
    });
  });

  it('names every bad row and column, and returns no rows at all', () => {
    const csv = 'Month,Followers,Reach\n2022-11,1250,5000\n2022-13,12.5,-3\n2022-11,1,1\n';
    const { rows, errors } = parseSocialCsv('snapshots', csv);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.field)).toEqual([
      'row 3, column Month',
      'row 3, column Followers',
      'row 3, column Reach',
      'row 4',
    ]);
  });

  it('refuses a file without the date column or without metrics', () => {
    expect(parseSocialCsv('snapshots', 'Followers\n10\n').errors[0]?.message).toMatch(/no month column/);
    expect(parseSocialCsv('posts', 'Publish time,Colour\n2022-01-01,red\n').errors[0]?.message).toMatch(
      /no metric column/,
    );
  });
});
