import { parseSituation, type Situation } from '../src/core/routing/situation.js';

/** mulberry32: a small deterministic generator, so a failing generated case can be replayed. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Situations that reach every rule: ages 4–24, every flag, thresholds on both sides. */
export function randomSituations(count: number, seed = 7): Situation[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: Situation[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2001 + Math.floor(rnd() * 22);
    const input = {
      studentRef: `S${i}`,
      birthDate: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      referenceDate: pick(['2026-02-02', '2025-10-01', '2026-05-15']),
      educationType: pick(['po', 'vo', 'mbo', 'vso']),
      enrolled: rnd() < 0.9,
      startkwalificatie: rnd() < 0.2,
      exemption: rnd() < 0.05,
      unexcusedHours4w: pick([0, 4, 15.5, 16, 30]),
      unexcusedWeeks: pick([0, 3, 4, 5]),
      luxuryAbsence: rnd() < 0.1,
      sickReports12w: pick([0, 3, 4]),
      sickDaysInRow: pick([0, 6, 7]),
      deregistered: rnd() < 0.1,
      weeksWithoutPlace: pick([0, 4, 5]),
      placeProspect: rnd() < 0.5,
      truancyOnly: rnd() < 0.2,
      supportNeed: pick([[], ['gedrag'], ['leren', 'gezondheid']]),
      schoolCanSupport: rnd() < 0.7,
      suitablePlaceFound: rnd() < 0.7,
      swvInvolved: rnd() < 0.5,
      sensoryNeed: pick(['none', 'visueel', 'auditief', 'taal-spraak']),
      medicalCareFunding: rnd() < 0.1,
      danger: rnd() < 0.1,
      abuseSuspected: rnd() < 0.1,
      studentAllowsParents: pick([null, true, false]),
    };
    const parsed = parseSituation(input, '2026-02-02');
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}
