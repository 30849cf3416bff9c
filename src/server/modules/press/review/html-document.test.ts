import { describe, expect, it } from 'vitest';
import { parseDocument, toBlockText } from './html-document.ts';

describe('parseDocument', () => {
  it('always yields a body, for fragments and for <html> without <body>', () => {
    expect(parseDocument({ html: '<p>x' }).body.textContent).toBe('x');
    expect(parseDocument({ html: '' }).body.textContent).toBe('');
    const document = parseDocument({ html: '<html lang="kk"><head><title>T</title></head><p>y</p></html>' });
    expect(document.body.textContent).toBe('y');
    expect(document.title).toBe('T');
    expect(document.documentElement.getAttribute('lang')).toBe('kk');
  });
});

describe('toBlockText', () => {
  it('separates blocks by a blank line, keeps <br> as a line break, skips scripts', () => {
    const { body } = parseDocument({
      html: '<h1>Title</h1><p>One <b>two</b>\n  three</p><script>var x</script><ul><li>a</li><li>b<br>c</li></ul>',
    });
    expect(toBlockText({ node: body })).toBe('Title\n\nOne two three\n\na\n\nb\nc');
  });
});
