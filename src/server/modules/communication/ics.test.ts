import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarIcs, icsText } from './ics.ts';

const initiative = (title: string, summary: string | null = null) => ({
  id: 'i1',
  title,
  startDate: '2026-05-04',
  endDate: null,
  datePrecision: 'day' as const,
  cities: ['Lyon; Paris'],
  venues: [],
  summary,
  status: 'planned',
  version: 1,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
});

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));

describe('ICS text from users stays text (RFC 5545)', () => {
  it.each([
    ['CRLF', 'Visit\r\nATTENDEE:mailto:evil@example.org'],
    ['lone CR', 'Visit\rATTENDEE:mailto:evil@example.org'],
    ['LF', 'Visit\nATTENDEE:mailto:evil@example.org'],
  ])('a title with %s + "ATTENDEE:" creates no property', (_kind, title) => {
    const ics = buildCalendarIcs({
      name: `Calendar\r\nX-EVIL:1`,
      initiatives: [initiative(title, 'Line one\r\nORGANIZER:mailto:evil@example.org')],
      steps: [],
    });
    // No line of the file starts a property the user typed.
    for (const line of ics.split(/\r\n|\r|\n/)) {
      expect(line).not.toMatch(/^(ATTENDEE|ORGANIZER|X-EVIL)/);
    }
    const calendar = parse(ics);
    const event = calendar.getFirstSubcomponent('vevent');
    expect(event).not.toBeNull();
    expect(event?.getAllProperties('attendee')).toHaveLength(0);
    expect(event?.getAllProperties('organizer')).toHaveLength(0);
    expect(calendar.getAllProperties('x-evil')).toHaveLength(0);
    expect(event?.getFirstPropertyValue('summary')).toBe('Visit\nATTENDEE:mailto:evil@example.org');
    expect(event?.getFirstPropertyValue('description')).toBe('Line one\nORGANIZER:mailto:evil@example.org');
  });

  it('escapes backslash, semicolon and comma, and reads back the same text', () => {
    const title = 'A\\B; C, D';
    const ics = buildCalendarIcs({ name: 'Calendar', initiatives: [initiative(title)], steps: [] });
    expect(ics).toContain('SUMMARY:A\\\\B\\; C\\, D');
    const event = parse(ics).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe(title);
    expect(event?.getFirstPropertyValue('location')).toBe('Lyon; Paris');
  });

  it('icsText turns every line break into LF and drops other control characters', () => {
    expect(icsText('a\r\nb\rc\nd\u0000e\u001bf\tg')).toBe('a\nb\nc\ndef\tg');
    expect(icsText(undefined)).toBeUndefined();
  });
});
