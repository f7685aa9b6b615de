import { describe, expect, it } from 'vitest';
import type { CleanText, MarkedSpan } from '../../../src/model/index.js';
import { cleanReport, datelineLength, isBoilerplateLine, nestingDepth } from '../../../src/pipeline/clean/index.js';

/** The text of each marked span of a kind. */
const spans = (d: CleanText, kind: MarkedSpan['kind']) => d.marked.filter((m) => m.kind === kind).map((m) => d.text.slice(m.start, m.end));

describe('cleanReport: plain text', () => {
  it('normalises whitespace and invisible characters, one paragraph per line', () => {
    const d = cleanReport({ id: 'a', text: '  Two\u00a0 killed\tin  raid.\u200b\r\n\r\n\r\nSoft\u00adhyphen  stays out.\n' });
    expect(d.text).toBe('Two killed in raid.\nSofthyphen stays out.');
    expect(d.docId).toBe('a');
  });

  it('unmasks words written with an asterisk inside, and leaves other asterisks', () => {
    const d = cleanReport({ id: 'a', text: 'Young man shot de*ad in Homs; a commander kil*led. *Update* 5 * 3' });
    expect(d.text).toBe('Young man shot dead in Homs; a commander killed. *Update* 5 * 3');
  });

  it('marks boilerplate lines in general shapes', () => {
    const text = [
      'Troops push into the valley',
      'By Kemal Arslan',
      'Updated: 14 March 2025 09:12 GMT',
      'RIVERTON – Troops pushed into the valley on Friday after two days of clashes, an army spokesman said.',
      'A burned truck outside the barracks. | Photo: Staff/Wire',
      'ALSO READ: Talks stall over ceasefire terms',
      'Read more »',
      'Share on WhatsApp',
      '4 min read',
      'Residents said at least six fighters were killed.',
      'https://example.org/story/123',
      '(Reporting by A. Person; Editing by B. Person)',
      '© 2025 Some Media Group. All rights reserved.',
    ].join('\n');
    const d = cleanReport({ id: 'b', text });
    const bp = spans(d, 'boilerplate').join('\n');
    for (const line of ['By Kemal Arslan', 'Updated: 14 March', 'Photo: Staff/Wire', 'ALSO READ', 'Read more »', 'Share on WhatsApp', '4 min read', 'https://example.org', '(Reporting by', '© 2025']) {
      expect(bp).toContain(line);
    }
    expect(bp).not.toContain('Residents said');
    expect(bp).not.toContain('RIVERTON');
    expect(spans(d, 'heading')).toEqual(['Troops push into the valley']);
    expect(spans(d, 'dateline')).toEqual(['RIVERTON –']);
  });

  it('marks a row of other stories’ headlines set apart by bullets, however long', () => {
    const row = [
      'Stock index closes higher on Monday',
      'Ministers to intensify cooperation in cracking down on crime',
      'At least 8 killed, 4 injured in road accident in W. Kenya',
      'Government approves investment at the airport for better security',
      'Flooding hits the valley',
      'Rail workers demand terms of the company’s sale',
      'Eurozone construction output down by 0.1 pct in November',
    ].join('  • ');
    expect(row.length).toBeGreaterThan(300);
    expect(isBoilerplateLine(row)).toBe(true);
    // (a sentence that lists with bullets is report text)
    expect(isBoilerplateLine('Witnesses described three attacks • one at the market • one at the school.')).toBe(false);
  });

  it('does not take sentences for boilerplate', () => {
    for (const line of [
      'By Monday, police had detained 40 people.',
      'Related violence spread to two nearby towns on Sunday.',
      'Published reports put the toll at 12.',
      'Photos of the attack circulated widely online.',
      'Sources said the convoy was hit twice.',
    ]) {
      expect(isBoilerplateLine(line), line).toBe(false);
    }
  });

  it('marks a copied social post, emoji lines included, as a quote', () => {
    const text = [
      'Militants stormed a checkpoint, officials said.',
      '',
      '🚨🔥 Gunfire heard across the old city, people told to stay inside',
      'pic.twitter.com/Ab12Cd',
      '— Field Notes (@fieldnotes_x) February 2, 2025',
      '',
      'The provincial government later imposed a curfew.',
    ].join('\n');
    const d = cleanReport({ id: 'c', text });
    expect(spans(d, 'quote')).toEqual([
      '🚨🔥 Gunfire heard across the old city, people told to stay inside\npic.twitter.com/Ab12Cd\n— Field Notes (@fieldnotes_x) February 2, 2025',
    ]);
    expect(d.text).toContain('Militants stormed');
    expect(spans(d, 'quote').join()).not.toContain('curfew');
  });

  it('finds datelines of several shapes, only near the top', () => {
    expect(datelineLength('KABUL, July 19 (Reuters) - A bomb exploded near a ministry on Tuesday.')).toBe('KABUL, July 19 (Reuters) -'.length);
    expect(datelineLength('ISLAMABAD (AP) — Officials said the talks had failed.')).toBe('ISLAMABAD (AP) —'.length);
    // (the day before the month, as many outlets write it)
    expect(datelineLength('KHARTOUM, 3 August - Amnesty urged the government to stop using live rounds.')).toBe('KHARTOUM, 3 August -'.length);
    expect(datelineLength('Port Lena — Dozens marched to the harbour on Sunday.')).toBe('Port Lena —'.length);
    expect(datelineLength('DERA NORTH: Two shops were set on fire overnight.')).toBe('DERA NORTH:'.length);
    expect(datelineLength('Police said - without giving details - that two died.')).toBe(0);
    expect(datelineLength('The army - which denies it - was blamed.')).toBe(0);
    const late = cleanReport({ id: 'd', text: 'One thing happened.\nAnother thing happened.\nA third.\nA fourth.\nLAGOS – Not a dateline here at all.' });
    expect(spans(late, 'dateline')).toEqual([]);
  });
});

describe('cleanReport: HTML', () => {
  const page = `<!DOCTYPE html><html><head>
    <meta charset="utf-8"><title>Ferry workers strike in port city | Coast Herald</title>
    <meta property="og:site_name" content="Coast Herald">
    <meta property="og:title" content="Ferry workers strike in port city">
    <meta name="author" content="Ines Marlow">
    <meta property="article:published_time" content="2024-08-30T22:45:00-04:00">
    <script>window.tracking = "Ferry workers strike";</script><style>p{color:red}</style>
  </head><body>
    <header><nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav></header>
    <main><article>
      <h1>Ferry workers strike in port city</h1>
      <p>PORT AVEN – Hundreds of ferry workers walked off the job on Friday and marched to the harbour office, demanding unpaid wages, union leaders said.</p>
      <p>The march was peaceful and police watched from a distance, according to a reporter at the scene. Traffic on the coast road slowed for several hours.</p>
      <h2>Wages unpaid since spring</h2>
      <p>Workers say they have not been paid since April. The ferry company did not reply to questions on Friday evening.</p>
      <blockquote class="twitter-tweet"><p>Thousands at the harbour now, no ferries running 📢 pic.twitter.com/Zz9</p>&mdash; Dock Union (@dockunion) August 30, 2024</blockquote>
      <figure><img src="a.jpg"><figcaption>Workers gather at the harbour. Photo: Coast Herald</figcaption></figure>
      <p>Union leaders said the strike would continue until the wages were paid in full.</p>
    </article></main>
    <aside><p>Most read</p><ul><li>Other story</li></ul></aside>
    <footer><p>Share this article</p><p>© 2024 Coast Herald</p></footer>
  </body></html>`;

  it('takes the article, metadata, and marks headings, quotes, captions and the dateline', () => {
    const d = cleanReport({ id: 'p', html: page });
    expect(d.title).toBe('Ferry workers strike in port city');
    expect(d.byline).toBe('Ines Marlow');
    expect(d.published).toBe('2024-08-30');
    expect(d.source).toBe('Coast Herald');
    expect(d.text).toContain('Hundreds of ferry workers walked off the job');
    expect(d.text).toContain('until the wages were paid in full');
    expect(d.text).not.toContain('window.tracking');
    expect(d.text).not.toContain('color:red');
    expect(d.text).not.toMatch(/Sport|Other story/);
    expect(d.text.split('\n')[0]).toBe('Ferry workers strike in port city');
    expect(spans(d, 'heading')).toContain('Wages unpaid since spring');
    expect(spans(d, 'quote').join()).toContain('Thousands at the harbour now');
    expect(spans(d, 'boilerplate').join()).toContain('Photo: Coast Herald');
    expect(spans(d, 'dateline')).toEqual(['PORT AVEN –']);
  });

  it('an explicit published date or title wins over the page metadata', () => {
    const d = cleanReport({ id: 'p', html: page, published: '2024-08-31', title: 'Given title' });
    expect(d.published).toBe('2024-08-31');
    expect(d.title).toBe('Given title');
  });

  it('drops readers\' comment sections', () => {
    const html =
      '<html><body><article><h1>Clinic burned in the east</h1><p>Armed men burned a clinic in the east of the district on Monday, officials said, and two staff fled.</p></article>' +
      '<div class="comments"><p>Reader: soldiers massacred 100 people there!</p></div><section id="disqus_thread"><p>Another reader: 40 died.</p></section></body></html>';
    const d = cleanReport({ id: 'c', html });
    expect(d.text).toMatch(/Armed men burned a clinic/);
    expect(d.text).not.toMatch(/massacred|40 died/);
  });

  it('recovers text from broken tags', () => {
    const d = cleanReport({ id: 'x', html: '<div><p>Armed men <b>burned <i>a clinic</p><p>in the east</b> on Monday.<div <span>Two staff fled.' });
    expect(d.text).toMatch(/Armed men burned a clinic/);
    expect(d.text).toMatch(/Two staff fled/);
  });

  it('reads deeply nested markup without overflowing the stack', () => {
    const n = 20_000;
    const html = '<div>'.repeat(n) + 'Protesters blocked the bridge at noon.' + '</div>'.repeat(n);
    expect(nestingDepth(html)).toBe(n);
    const d = cleanReport({ id: 'deep', html });
    expect(d.text).toBe('Protesters blocked the bridge at noon.');
    const mid = '<section><div>'.repeat(150) + '<p>A curfew was declared in the district.</p>' + '</div></section>'.repeat(150);
    expect(cleanReport({ id: 'mid', html: mid }).text).toContain('A curfew was declared in the district.');
  });

  it('an HTML document passed as text is cleaned as HTML', () => {
    const d = cleanReport({ id: 'h', text: '<!doctype html><html><body><p>Shops were looted overnight in the market district.</p></body></html>' });
    expect(d.text).toBe('Shops were looted overnight in the market district.');
  });

  it('every marked span lies inside the text', () => {
    const d = cleanReport({ id: 'p', html: page });
    for (const m of d.marked) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(d.text.length);
      expect(m.end).toBeGreaterThan(m.start);
    }
  });
});

describe('cleanReport: links and fragments', () => {
  it('marks links closing a line as boilerplate, keeping the sentence before them whole', async () => {
    const { splitSentences } = await import('../../../src/pipeline/sentences/index.js');
    const d = cleanReport({ id: 'l', text: 'Smoke rising over the depot after the strike pic.twitter.com/Qw12Er https://t.co/zz9\nNext line.' });
    expect(spans(d, 'boilerplate')).toEqual(['pic.twitter.com/Qw12Er https://t.co/zz9']);
    const ss = splitSentences(d);
    expect(ss.map((s) => [s.text, s.boilerplate])).toEqual([
      ['Smoke rising over the depot after the strike', false],
      ['pic.twitter.com/Qw12Er https://t.co/zz9', true],
      ['Next line.', false],
    ]);
  });

  it('a text field holding an HTML fragment is cleaned as HTML', () => {
    const d = cleanReport({ id: 'f', text: '<p>Two bridges were blown up overnight.</p><p>Traffic was halted.</p>' });
    expect(d.text).toBe('Two bridges were blown up overnight.\nTraffic was halted.');
    expect(cleanReport({ id: 'g', text: '<3 is not markup, and a < b either.' }).text).toBe('<3 is not markup, and a < b either.');
  });
});
