/**
 * The analyst's page in real Chromium (playwright-core, /usr/bin/chromium) against a real
 * server on loopback over a real SQLite store. Needs the built page (npm run build:web).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWebRoot } from '../../src/api/index.js';
import { SEED_DOCS, call, seedStore, type SeedDoc, startTestServer, type TestServer } from '../api/helpers.js';
import { HOSTILE_REPORT, REPORTS } from '../api/reports.js';

const CHROMIUM = '/usr/bin/chromium';

/** A seeded report whose text and actor name carry markup that must stay text. */
const HOSTILE_SEED: SeedDoc = {
  ...SEED_DOCS[0]!,
  id: 'seed-hostile',
  text: 'Gunmen <script>window.__pwned=1</script> attacked a bus near Kidal <img src=x onerror="window.__pwned=2"> and killed three passengers, a driver said.',
  date: '2025-04-04',
  location: 'Kidal',
  admin1: 'Kidal',
  lat: 18.44,
  lon: 1.41,
  actor1: '<img src=x onerror="window.__pwned=3">',
  where: 'near Kidal',
  trigger: 'attacked',
  claim: { phrase: 'killed three passengers', low: 3, high: 3, source: '<b>a driver</b>' },
  fatalities: 3,
};

let srv: TestServer;
let browser: Browser;
let page: Page;
let ids: Map<string, string>;

/** Events the map shows: single markers plus the counts on cluster icons. */
async function eventsOnMap(p: Page): Promise<number> {
  return p.evaluate(() => {
    const singles = document.querySelectorAll('#map .ev-marker').length;
    const clustered = [...document.querySelectorAll('#map .ev-cluster .count')].reduce((s, el) => s + Number(el.textContent), 0);
    return singles + clustered;
  });
}

async function rowCount(p: Page): Promise<number> {
  return p.locator('#event-rows tr.ev-row').count();
}

/** Wait until the page has finished a load after `before`. */
async function waitLoaded(p: Page, before: string | undefined): Promise<void> {
  await p.waitForFunction((b) => document.body.dataset.loaded !== undefined && document.body.dataset.loaded !== b, before);
}

async function openMain(p: Page): Promise<void> {
  await p.goto(srv.base + '/');
  await p.waitForSelector('#event-rows tr.ev-row');
  await p.waitForFunction(() => document.body.dataset.loaded !== undefined);
}

beforeAll(async () => {
  if (!defaultWebRoot()) throw new Error('the page is not built: run `npm run build:web` first');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  srv = await startTestServer();
  ids = await seedStore(srv.store, [...SEED_DOCS, HOSTILE_SEED]);
  for (const r of [...REPORTS.slice(0, 3), HOSTILE_REPORT]) {
    const res = await call(srv.base, 'POST', '/reports', { text: r.text, published: r.published, source: r.source, id: r.id });
    expect(res.status).toBe(201);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => void d.dismiss()); // an alert() from injected markup would show here
});

afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('the analyst page', () => {
  it('loads the events into the list and the map, with a timeline, and nothing is fetched off this server', async () => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(srv.base) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await openMain(page);
    const api = await call(srv.base, 'GET', '/events?limit=1000');
    expect(await rowCount(page)).toBe(api.json.events.length);
    const placed = api.json.events.filter((e: { latitude: number | null }) => e.latitude != null).length;
    await page.waitForFunction((n) => {
      const singles = document.querySelectorAll('#map .ev-marker').length;
      const clustered = [...document.querySelectorAll('#map .ev-cluster .count')].reduce((s, el) => s + Number(el.textContent), 0);
      return singles + clustered === n;
    }, placed);
    expect(await eventsOnMap(page)).toBe(placed);
    // Country borders drawn from the bundled Natural Earth file.
    await page.waitForFunction(() => document.querySelectorAll('#map path:not(.ev-marker)').length > 50);
    expect(await page.locator('#timeline svg .bars rect').count()).toBeGreaterThan(0);
    await expect(page.locator('footer').innerText()).resolves.toMatch(/GeoNames.*CC BY 4\.0.*Natural Earth.*public domain.*UCDP.*CC BY 4\.0/s);
    expect(foreign).toEqual([]);
    mkdirSync('screenshots', { recursive: true });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'screenshots/main.png' });
  });

  it('filtering by country changes the list and the map', async () => {
    await openMain(page);
    const before = await rowCount(page);
    const loaded = await page.evaluate(() => document.body.dataset.loaded);
    await page.selectOption('select[name=country]', 'Mali');
    await waitLoaded(page, loaded);
    const rows = await page.locator('#event-rows tr.ev-row').allInnerTexts();
    expect(rows.length).toBe(3); // Gao, Mopti and the hostile seed near Kidal
    expect(rows.length).toBeLessThan(before);
    for (const r of rows) expect(r).toContain('Mali');
    await page.waitForFunction(() => {
      const singles = document.querySelectorAll('#map .ev-marker').length;
      const clustered = [...document.querySelectorAll('#map .ev-cluster .count')].reduce((s, el) => s + Number(el.textContent), 0);
      return singles + clustered === 3;
    });
    expect(page.url()).toContain('country=Mali');
  });

  it('brushing the timeline filters the list by dates', async () => {
    await openMain(page);
    const before = await rowCount(page);
    const box = (await page.locator('#timeline svg .overlay').boundingBox())!;
    const loaded = await page.evaluate(() => document.body.dataset.loaded);
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await waitLoaded(page, loaded);
    const from = await page.inputValue('input[name=date_from]');
    const to = await page.inputValue('input[name=date_to]');
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(to >= from).toBe(true);
    const dates = await page.locator('#event-rows tr.ev-row td:first-child').allInnerTexts();
    expect(dates.length).toBeLessThan(before);
    for (const d of dates) expect(d >= from && d <= to).toBe(true);
  });

  it('opens an event from the keyboard, highlights its evidence, and Escape closes it', async () => {
    await openMain(page);
    const id = ids.get('seed-mopti')!;
    const row = page.locator(`#event-rows tr[data-id="${id}"]`);
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#source-text mark.evidence');
    const marks = await page.locator('#source-text mark.evidence').allInnerTexts();
    expect(marks).toContain('drone strike');
    expect(marks).toContain('outside Mopti');
    expect(marks.join(' ')).toContain('killing between 8 and 11 people');
    expect(await page.locator('#source-text').innerText()).toBe(SEED_DOCS[1]!.text);
    // The casualty claim with who said it.
    await expect(page.locator('table.claims').innerText()).resolves.toMatch(/8–11.*local officials/s);
    // Every field is listed.
    for (const f of ['event_date', 'sub_event_type', 'actor1', 'admin1', 'latitude', 'geo_precision', 'fatalities', 'notes'])
      expect(await page.locator(`td[data-field="${f}"]`).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect(page.locator('#panel').isHidden()).resolves.toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(id);
  });

  it('a review edit persists after a reload and appears in the audit log', async () => {
    await openMain(page);
    const id = ids.get('seed-goma')!;
    await page.fill('#reviewer', 'Reviewer Rosa');
    await page.dispatchEvent('#reviewer', 'change');
    await page.locator(`#event-rows tr[data-id="${id}"]`).click();
    await page.waitForSelector('#edit-field');
    await page.selectOption('#edit-field', 'fatalities');
    await page.fill('#edit-value', '17');
    await page.fill('#review-comment', 'hospital update');
    await page.click('#btn-correct');
    await page.waitForFunction(() => document.querySelector('#panel-status')?.textContent === 'corrected');
    // the panel is redrawn after the save; the notice survives it and holds the keyboard focus
    await page.waitForTimeout(600);
    await expect(page.locator('.review .review-msg').innerText()).resolves.toBe('Saved: correct');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('review-msg'))).toBe(true);

    await page.reload();
    await page.waitForSelector(`#event-rows tr[data-id="${id}"]`);
    await expect(page.locator(`#event-rows tr[data-id="${id}"] td.num`).innerText()).resolves.toBe('17');
    await page.locator(`#event-rows tr[data-id="${id}"]`).click();
    await page.waitForSelector('td[data-field="fatalities"]');
    await expect(page.locator('td[data-field="fatalities"]').innerText()).resolves.toBe('17');
    await expect(page.locator('td[data-field="status"]').innerText()).resolves.toBe('corrected');
    // The reviewer name was remembered across the reload.
    expect(await page.inputValue('#reviewer')).toBe('Reviewer Rosa');

    const audit = await call(srv.base, 'GET', '/audit');
    const entry = audit.json.entries.find((a: { target: string; reviewer: string }) => a.target.includes(id));
    expect(entry).toMatchObject({ reviewer: 'Reviewer Rosa', comment: 'hospital update' });
    expect(entry.after.fatalities).toBe(17);
    await page.keyboard.press('Escape');
    await page.click('#btn-audit');
    await page.waitForSelector('table.audit');
    await expect(page.locator('table.audit').innerText()).resolves.toMatch(/Reviewer Rosa[\s\S]*fatalities: 15 → 17/);
    await page.click('#audit-close');
  });

  it('merges an incident into the open one and splits it back out from the panel', async () => {
    await openMain(page);
    const goma = ids.get('seed-goma')!;
    const bunia = ids.get('seed-bunia')!;
    const buniaIncident = (await call(srv.base, 'GET', `/events/${bunia}`)).json.event.incident_id;
    await page.fill('#reviewer', 'Reviewer Rosa');
    await page.dispatchEvent('#reviewer', 'change');
    await page.locator(`#event-rows tr[data-id="${goma}"]`).click();
    await page.waitForSelector('#merge-other');
    await page.fill('#merge-other', buniaIncident);
    await page.click('form.merge button[type=submit]');
    await page.waitForSelector('ul.sources li');
    await expect(page.locator('ul.sources li').innerText()).resolves.toContain('Seed seed-bunia');
    expect((await call(srv.base, 'GET', `/events/${bunia}`)).json.event.incident_id).toBe(
      (await call(srv.base, 'GET', `/events/${goma}`)).json.event.incident_id,
    );
    await page.click('#btn-split');
    await page.waitForSelector('ul.sources', { state: 'detached' });
    expect((await call(srv.base, 'GET', `/events/${goma}`)).json.incident.event_ids).toEqual([goma]);
    await page.keyboard.press('Escape');
    // The audit log says what a merge and a split did, in words.
    await page.click('#btn-audit');
    await page.waitForSelector('table.audit');
    const audit = await page.locator('table.audit').innerText();
    expect(audit).toMatch(/merged inc_\S+ into inc_/);
    expect(audit).toMatch(/split out of inc_\S+ into the new incident inc_/);
    await page.click('#audit-close');
  });

  it('Back returns to the previous filters', async () => {
    await openMain(page);
    let loaded = await page.evaluate(() => document.body.dataset.loaded);
    await page.selectOption('select[name=country]', 'Mali');
    await waitLoaded(page, loaded);
    loaded = await page.evaluate(() => document.body.dataset.loaded);
    await page.selectOption('select[name=event_type]', 'Protests');
    await waitLoaded(page, loaded);
    expect(page.url()).toContain('event_type=Protests');
    loaded = await page.evaluate(() => document.body.dataset.loaded);
    await page.goBack();
    await waitLoaded(page, loaded);
    expect(page.url()).toContain('country=Mali');
    expect(page.url()).not.toContain('event_type');
    expect(await page.inputValue('select[name=event_type]')).toBe('');
    expect(await rowCount(page)).toBe(3);
  });

  it('filters the server refuses leave no stale list behind', async () => {
    await openMain(page);
    const loaded = await page.evaluate(() => document.body.dataset.loaded);
    await page.fill('input[name=date_from]', '2026-03-01');
    await page.fill('input[name=date_to]', '2025-01-01');
    await page.click('form#filters button[type=submit]');
    await waitLoaded(page, loaded);
    expect(await rowCount(page)).toBe(0);
    await expect(page.locator('#event-rows').innerText()).resolves.toMatch(/From date 2026-03-01 is after the To date/);
  });

  it('works at phone width: no sideways scroll, the list is reachable and opens events', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
    try {
      await openMain(phone);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      const first = phone.locator('#event-rows tr.ev-row').first();
      await first.scrollIntoViewIfNeeded();
      await first.click(); // fails if the map lies over the list
      await phone.waitForSelector('#panel:not([hidden]) td[data-field="event_type"]');
    } finally {
      await phone.close();
    }
  });

  it('map markers open their event from the keyboard', async () => {
    await openMain(page);
    const loaded = await page.evaluate(() => document.body.dataset.loaded);
    await page.selectOption('select[name=country]', 'Mali');
    await waitLoaded(page, loaded);
    const marker = page.locator('#map path.ev-marker[role=button]').first();
    await marker.waitFor();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) td[data-field="event_type"]');
    await page.keyboard.press('Escape');
  });

  it('shows report text with <script> and <img onerror> as text and runs nothing', async () => {
    await openMain(page);
    const id = ids.get('seed-hostile')!;
    const row = page.locator(`#event-rows tr[data-id="${id}"]`);
    await expect(row.innerText()).resolves.toContain('<img src=x onerror="window.__pwned=3">');
    await row.click();
    await page.waitForSelector('#source-text');
    const text = await page.locator('#source-text').innerText();
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await page.locator('#panel script, #panel img, #event-list img, #map img').count()).toBe(0);
    await expect(page.locator('table.claims').innerText()).resolves.toContain('<b>a driver</b>');
    // The posted report with markup in its text and source, through the extractor.
    const posted = (await call(srv.base, 'GET', '/events?limit=1000')).json.events.find((e: { doc_id: string }) => e.doc_id === HOSTILE_REPORT.id);
    if (posted) {
      await page.keyboard.press('Escape');
      await page.locator(`#event-rows tr[data-id="${posted.event_id}"]`).click();
      await page.waitForFunction(() => document.querySelector('#source-text')?.textContent?.includes('<script>'));
      expect(await page.locator('#panel script, #panel img').count()).toBe(0);
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('new events appear without a reload (from this server and from another writer)', async () => {
    await openMain(page);
    const before = await rowCount(page);
    // Another process writing to the same store: noticed by the server's watcher.
    const other: SeedDoc = { ...SEED_DOCS[3]!, id: 'seed-live', text: SEED_DOCS[3]!.text.replace('Saturday', 'Friday night'), date: '2025-04-04' };
    const added = await seedStore(srv.store, [other]);
    await page.waitForSelector(`#event-rows tr[data-id="${added.get('seed-live')}"]`, { timeout: 20_000 });
    expect(await rowCount(page)).toBe(before + 1);
    // Through the API: pushed at once over server-sent events.
    const r = REPORTS[3]!;
    const res = await call(srv.base, 'POST', '/reports', { text: r.text, published: r.published, source: r.source });
    expect(res.status).toBe(201);
    for (const e of res.json.events) await page.waitForSelector(`#event-rows tr[data-id="${e.event_id}"]`, { timeout: 20_000 });
    await page.waitForFunction((n) => document.querySelectorAll('#event-rows tr.ev-row').length === n, before + 1 + res.json.events.length);
  });
});
