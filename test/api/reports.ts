/**
 * Small reports written for these tests (invented wording, real place names), used by the API,
 * web and bench code. Each names a place, a date, actors and a casualty figure.
 */
export interface TestReport {
  id: string;
  text: string;
  published: string;
  source: string;
}

export const REPORTS: TestReport[] = [
  {
    id: 'rep-mastung',
    published: '2025-03-03',
    source: 'Test Wire',
    text:
      'QUETTA, March 3, 2025 - Gunmen opened fire on a police checkpoint in Mastung district of Balochistan on Sunday, ' +
      'killing four policemen, a district official said. The Baloch Liberation Army said it carried out the attack.',
  },
  {
    id: 'rep-maiduguri',
    published: '2025-03-05',
    source: 'Lake Chad Monitor',
    text:
      'MAIDUGURI, Nigeria, March 5, 2025 - Suspected Boko Haram fighters stormed a village near Maiduguri in Borno State ' +
      'on Tuesday night and killed at least 12 civilians, residents told reporters. The army said troops later pushed the attackers back.',
  },
  {
    id: 'rep-mogadishu',
    published: '2025-03-08',
    source: 'Horn Daily',
    text:
      'MOGADISHU, March 8, 2025 - A car bomb exploded outside a hotel in Mogadishu on Saturday, killing seven people and wounding 20, ' +
      'police said. Al-Shabaab claimed responsibility for the blast.',
  },
  {
    id: 'rep-nairobi',
    published: '2025-03-10',
    source: 'East Africa Desk',
    text:
      'NAIROBI, March 10, 2025 - Thousands of protesters marched through central Nairobi on Monday against a proposed tax increase. ' +
      'Police fired tear gas to disperse the crowd; no deaths were reported.',
  },
  {
    id: 'rep-peshawar',
    published: '2025-03-12',
    source: 'Frontier Post Test',
    text:
      'PESHAWAR, March 12, 2025 - Security forces killed three militants in a clash in Khyber district of Khyber Pakhtunkhwa on Wednesday, ' +
      'the military said in a statement. Two soldiers were also killed in the exchange of fire.',
  },
];

/** A report whose text carries markup that must be shown as text and never run. */
export const HOSTILE_REPORT: TestReport = {
  id: 'rep-hostile',
  published: '2025-03-14',
  source: '<img src=x onerror="window.__pwned=1">',
  text:
    'KABUL, March 14, 2025 - <script>window.__pwned = 2</script> A roadside bomb <img src=x onerror="window.__pwned=3"> ' +
    'struck a police vehicle in Kabul on Friday, killing two officers, the interior ministry said.',
};
