import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/sitrep.js');

/** Run the built CLI (npm test builds first; a bare vitest run builds when dist/ is missing). */
function sitrep(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const events = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { doc_id: string; event_date: string; event_type: string; location: string | null });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, events };
}

const RAID =
  'MARDAN – Gunmen stormed a police checkpoint in Mardan on Sunday night, killing three policemen, a district police officer said.\n' +
  'The attackers escaped into nearby fields and a search operation was launched.';
const MARCH =
  'Thousands of teachers marched through Nairobi on Monday to demand higher pay, and police used tear gas to break up the crowd near parliament.';

let dir: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/index.js'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'sitrep-extract-'));
});

describe('sitrep extract FILE|-', () => {
  it('prints events of a text file as JSON Lines with --id and --published', () => {
    const f = join(dir, 'raid.txt');
    writeFileSync(f, RAID);
    const r = sitrep(['extract', f, '--id', 'raid-1', '--published', '2025-04-13']);
    expect(r.status).toBe(0);
    expect(r.events.length).toBeGreaterThan(0);
    for (const e of r.events) expect(e.doc_id).toBe('raid-1');
    expect(r.events.some((e) => e.location === 'Mardan' && e.event_date === '2025-04-13')).toBe(true);
  });

  it('reads HTML, with the page date, and stdin', () => {
    const f = join(dir, 'march-page.html');
    writeFileSync(
      f,
      `<!DOCTYPE html><html><head><title>Teachers march</title><meta property="article:published_time" content="2023-03-20T19:00:00+03:00"></head>
       <body><nav><a href="/">Home</a></nav><article><h1>Teachers march</h1><p>${MARCH}</p><p>Share this story</p></article></body></html>`,
    );
    const fromFile = sitrep(['extract', f]);
    expect(fromFile.status).toBe(0);
    expect(fromFile.events.length).toBeGreaterThan(0);
    expect(fromFile.events[0]!.doc_id).toBe('march-page');
    expect(fromFile.events.some((e) => e.event_date === '2023-03-20')).toBe(true);
    const fromStdin = sitrep(['extract', '-', '--published', '2023-03-20'], MARCH);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.events[0]!.doc_id).toBe('stdin');
    expect(fromStdin.events.some((e) => e.event_type === 'Protests')).toBe(true);
  });

  it('bad input: one clear line on stderr naming it, exit 1, nothing on stdout', () => {
    const bin = join(dir, 'scan.txt');
    writeFileSync(bin, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x00, 0x13, 0x88, 0x00]));
    const r = sitrep(['extract', bin]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`sitrep extract: ${bin}: binary data, not text (NUL or control bytes)`);
    const empty = sitrep(['extract', '-'], '   \n');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/stdin: empty text/);
  });

  it('rejects a bad --published with exit code 2', () => {
    const r = sitrep(['extract', '-', '--published', '31/01/2026'], RAID);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--published "31\/01\/2026" is not a date/);
  });
});

describe('sitrep extract --jsonl', () => {
  it('prints every good line\'s events with its id; bad lines go to stderr by number; exit 1', () => {
    const f = join(dir, 'batch.jsonl');
    writeFileSync(
      f,
      [
        JSON.stringify({ id: 'first', text: RAID, published: '2025-04-13T22:30:00+05:00' }),
        '{"id": "second", "text": ',
        JSON.stringify({ id: 'third', text: '' }),
        '',
        JSON.stringify({ id: 'fifth', text: MARCH, published: '2023-03-20', source: 'A paper' }),
      ].join('\n'),
    );
    const r = sitrep(['extract', '--jsonl', f]);
    expect(r.status).toBe(1);
    const ids = new Set(r.events.map((e) => e.doc_id));
    expect(ids).toEqual(new Set(['first', 'fifth']));
    expect(r.events.find((e) => e.doc_id === 'first')!.event_date).toBe('2025-04-13');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`batch\\.jsonl:2: not valid JSON`));
    expect(lines[1]).toMatch(new RegExp(`batch\\.jsonl:3: empty text`));
  });

  it('exit 0 when every line is good, and reads JSONL from stdin', () => {
    const input = [JSON.stringify({ id: 'a', text: RAID, published: '2025-04-13' }), JSON.stringify({ id: 'b', text: MARCH, published: '2023-03-20' })].join('\n') + '\n';
    const r = sitrep(['extract', '--jsonl', '-'], input);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(new Set(r.events.map((e) => e.doc_id))).toEqual(new Set(['a', 'b']));
  });
});

describe('sitrep extract --quotes', () => {
  it('adds the words each evidence span points at', () => {
    const r = spawnSync(process.execPath, [BIN, 'extract', '-', '--published', '2025-03-10', '--quotes'], { cwd: ROOT, input: RAID, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const e = JSON.parse(r.stdout.split('\n')[0]!) as { evidence: Record<string, unknown>; evidence_text: Record<string, string> };
    expect(Object.keys(e.evidence_text).sort()).toEqual(Object.keys(e.evidence).sort());
    expect(e.evidence_text.location).toBe('Mardan');
    expect(e.evidence_text.event_date).toMatch(/Sunday/);
  });
});
