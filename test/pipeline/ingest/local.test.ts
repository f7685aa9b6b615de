import { mkdtempSync, mkdirSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalisePublished, parseJsonlLine, readInputs, type IngestItem } from '../../../src/pipeline/ingest/index.js';

async function collect(paths: string[], opts: Parameters<typeof readInputs>[1] = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
});

const STORY = 'Militiamen set fire to a market in a river town on Tuesday, the district chief said.\n';

describe('readInputs: files and folders', () => {
  it('reads a text file with its stem as id', async () => {
    const f = join(dir, 'market-fire.txt');
    writeFileSync(f, STORY);
    const [item] = await collect([f]);
    expect(item).toMatchObject({ ok: true, input: f, report: { id: 'market-fire', text: STORY } });
  });

  it('walks a folder recursively, sorted, skipping dot-files and naming files of unknown extensions', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'b.txt'), STORY);
    writeFileSync(join(root, 'a.html'), '<html><body><p>Two shops burned in the old quarter.</p></body></html>');
    writeFileSync(join(root, 'sub', 'c.json'), JSON.stringify([{ id: 'x1', text: STORY }, { text: STORY, published: '2025-03-04' }]));
    writeFileSync(join(root, 'sub', 'd.jsonl'), JSON.stringify({ id: 'j1', text: STORY }) + '\n');
    writeFileSync(join(root, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    writeFileSync(join(root, '.hidden.txt'), STORY);
    const all = await collect([root]);
    const skipped = all.filter((i) => !i.ok);
    expect(skipped).toHaveLength(1);
    expect(!skipped[0]!.ok && skipped[0]!.error).toMatch(/photo\.png: skipped: not a report file by its extension/);
    expect(!skipped[0]!.ok && skipped[0]!.skipped).toBe(true);
    const items = all.filter((i) => i.ok);
    const ids = items.map((i) => (i.ok ? i.report.id : ''));
    expect(ids).toEqual(['a', 'b', 'x1', 'c-2', 'j1']);
    const html = items[0]!;
    expect(html.ok && html.report.html).toContain('<p>Two shops');
    const second = items[3]!;
    expect(second.ok && second.report.published).toBe('2025-03-04');
    expect(second.input).toBe(join(root, 'sub', 'c.json') + '[1]');
  });

  it('reports a missing path and goes on', async () => {
    const f = join(dir, 'present.txt');
    writeFileSync(f, STORY);
    const items = await collect([join(dir, 'absent.txt'), f]);
    expect(items[0]).toMatchObject({ ok: false });
    expect(!items[0]!.ok && items[0]!.error).toMatch(/absent\.txt: no such file/);
    expect(items[1]!.ok).toBe(true);
  });
});

describe('readInputs: bad input becomes one clear line', () => {
  it('empty and whitespace-only files', async () => {
    const a = join(dir, 'empty.txt');
    const b = join(dir, 'blank.txt');
    writeFileSync(a, '');
    writeFileSync(b, '  \n\t\n');
    const items = await collect([a, b]);
    expect(items.map((i) => (!i.ok ? i.error : 'ok'))).toEqual([`${a}: empty text`, `${b}: empty text`]);
  });

  it('binary bytes', async () => {
    const f = join(dir, 'blob.txt');
    writeFileSync(f, Buffer.from([0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    const [item] = await collect([f]);
    expect(!item!.ok && item!.error).toMatch(/blob\.txt: binary data/);
  });

  it('invalid UTF-8 is refused with the byte offset; a declared charset is honoured', async () => {
    const bad = join(dir, 'latin.txt');
    // "Caf\xe9 bombing" in Latin-1: byte 3 is not UTF-8.
    writeFileSync(bad, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' near the station.')]));
    const declared = join(dir, 'latin.html');
    writeFileSync(
      declared,
      Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' bombed.</p></body></html>')]),
    );
    const [a, b] = await collect([bad, declared]);
    expect(!a!.ok && a!.error).toMatch(/latin\.txt: invalid UTF-8 at byte 3/);
    expect(b!.ok && b!.report.html).toContain('Café bombed');
  });

  it('a byte order mark declares the charset (UTF-16 text is not "binary")', async () => {
    const f = join(dir, 'wide.txt');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Curfew in the old town.', 'utf16le')]));
    const [item] = await collect([f]);
    expect(item).toMatchObject({ ok: true, report: { text: 'Curfew in the old town.' } });
  });

  it('a 50 MB file is refused before reading; the next input is read', async () => {
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const ok = join(dir, 'small.txt');
    writeFileSync(ok, STORY);
    const items = await collect([big, ok]);
    expect(!items[0]!.ok && items[0]!.error).toMatch(/huge\.txt: file is 50\.0 MB, over the 20\.0 MB limit/);
    expect(items[1]!.ok).toBe(true);
  });

  it('the cap is configurable and applies to stdin, read streaming', async () => {
    const stdin = Readable.from((function* () {
      for (let i = 0; i < 100; i++) yield Buffer.from('x'.repeat(1000));
    })());
    const [item] = await collect(['-'], { stdin, maxBytes: 10_000 });
    expect(!item!.ok && item!.error).toMatch(/^stdin: input is over the 9\.8 kB limit/);
  });

  it('HTML with broken tags is kept (the parser recovers); HTML without words is refused', async () => {
    const broken = join(dir, 'broken.html');
    writeFileSync(broken, '<html><body><div><p>Police dispersed <b>a march<p>in the square</div></span><div <p>');
    const wordless = join(dir, 'wordless.html');
    writeFileSync(wordless, '<html><head><script>var a = 1;</script></head><body><img src=x></body></html>');
    const [a, b] = await collect([broken, wordless]);
    expect(a!.ok).toBe(true);
    expect(!b!.ok && b!.error).toBe(`${wordless}: HTML has no readable text`);
  });

  it('stdin: plain text, sniffed HTML, and JSONL', async () => {
    const [t] = await collect(['-'], { stdin: Readable.from([Buffer.from(STORY)]), id: 'given' });
    expect(t).toMatchObject({ ok: true, input: 'stdin', report: { id: 'given', text: STORY } });
    const [h] = await collect(['-'], { stdin: Readable.from([Buffer.from('<!DOCTYPE html><p>Hi there.</p>')]) });
    expect(h!.ok && h!.report.html).toContain('Hi there');
    const jl = '{"id":"a","text":"One."}\n{oops}\n';
    const items = await collect(['-'], { stdin: Readable.from([Buffer.from(jl)]) });
    expect(items.map((i) => i.input)).toEqual(['stdin:1', 'stdin:2']);
    expect(items[1]!.ok).toBe(false);
  });
});

describe('JSONL', () => {
  it('keeps going past bad lines and names each by line number', async () => {
    const f = join(dir, 'reports.jsonl');
    const lines = [
      JSON.stringify({ id: 'r1', text: STORY, published: '2026-01-31T23:40:00+05:00', source: 'A Daily' }),
      '{"id": "r2", "text": "unterminated',
      '',
      JSON.stringify({ id: 'r4', text: '   ' }),
      JSON.stringify({ id: 'r5', body: 'wrong field' }),
      JSON.stringify({ id: 'r6', text: STORY, published: 'last Tuesday' }),
      '[1,2]',
      JSON.stringify({ id: 7, text: STORY, published: '2024-02-29' }),
    ];
    writeFileSync(f, lines.join('\r\n'));
    const items = await collect([f]);
    expect(items.map((i) => i.input)).toEqual([1, 2, 4, 5, 6, 7, 8].map((n) => `${f}:${n}`));
    expect(items[0]).toMatchObject({ ok: true, report: { id: 'r1', published: '2026-01-31', source: 'A Daily' } });
    const errs = items.map((i) => (i.ok ? null : i.error));
    expect(errs[1]).toMatch(/reports\.jsonl:2: not valid JSON/);
    expect(errs[2]).toMatch(/:4: empty text$/);
    expect(errs[3]).toMatch(/:5: no "text" \(or "html"\) field/);
    expect(errs[4]).toMatch(/:6: "published" "last Tuesday" is not a date/);
    expect(errs[5]).toMatch(/:7: expected a JSON object/);
    expect(items[6]).toMatchObject({ ok: true, report: { id: '7', published: '2024-02-29' } });
  });

  it('skips an over-long line without holding it, then reads the next', async () => {
    const f = join(dir, 'long.jsonl');
    const long = JSON.stringify({ id: 'big', text: 'word '.repeat(200_000) });
    writeFileSync(f, [long, JSON.stringify({ id: 'after', text: STORY })].join('\n') + '\n');
    const items = await collect([f], { maxBytes: 100_000 });
    expect(!items[0]!.ok && items[0]!.error).toMatch(/long\.jsonl:1: line is over the 97\.7 kB limit/);
    expect(items[1]).toMatchObject({ ok: true, report: { id: 'after' } });
  });

  it('an invalid UTF-8 line is reported, its neighbours kept', async () => {
    const f = join(dir, 'mixed.jsonl');
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from(JSON.stringify({ id: 'a', text: STORY }) + '\n{"id":"b","text":"caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}\n' + JSON.stringify({ id: 'c', text: STORY }) + '\n'),
      ]),
    );
    const items = await collect([f]);
    expect(items.map((i) => i.ok)).toEqual([true, false, true]);
    expect(!items[1]!.ok && items[1]!.error).toMatch(/mixed\.jsonl:2: invalid UTF-8/);
  });

  it('parseJsonlLine defaults the id to <stem>-<line>', () => {
    expect(parseJsonlLine('{"text":"Hello there."}', 3, 'in/feed.jsonl')).toMatchObject({
      ok: true,
      input: 'in/feed.jsonl:3',
      report: { id: 'feed-3' },
    });
  });
});

describe('normalisePublished', () => {
  it('keeps the publisher\'s calendar date', () => {
    expect(normalisePublished('2026-01-31')).toBe('2026-01-31');
    expect(normalisePublished('2026-01-31T23:40:00+05:00')).toBe('2026-01-31');
    expect(normalisePublished('2026-02-01T00:10:00.123-0800')).toBe('2026-02-01');
    expect(normalisePublished('2026-01-31T18:00:00Z')).toBe('2026-01-31');
    expect(normalisePublished('Sat, 31 Jan 2026 18:00:00 +0500')).toBe('2026-01-31');
    expect(normalisePublished('Mon, 02 Mar 2026 07:00:00 GMT')).toBe('2026-03-02');
  });
  it('refuses impossible or unreadable dates', () => {
    expect(normalisePublished('2026-02-30')).toBeNull();
    expect(normalisePublished('2025-13-01')).toBeNull();
    expect(normalisePublished('2026-01-31T25:00:00Z')).toBeNull();
    expect(normalisePublished('yesterday')).toBeNull();
  });
});
