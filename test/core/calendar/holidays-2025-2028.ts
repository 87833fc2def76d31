// Algemene termijnenwet art. 3 (and Goede Vrijdag, lid 2), from the official dates
// (rijksoverheid.nl "officiële feestdagen"; Easter 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16).
export const HOLIDAYS: Record<number, string[]> = {
  2025: [
    '2025-01-01', // Nieuwjaarsdag (wo)
    '2025-04-18', // Goede Vrijdag
    '2025-04-21', // tweede Paasdag
    '2025-04-26', // Koningsdag: 27 April is a Sunday, so Saturday 26 April
    '2025-05-05', // 5 mei (ma)
    '2025-05-29', // Hemelvaartsdag
    '2025-06-09', // tweede Pinksterdag
    '2025-12-25', // eerste Kerstdag (do)
    '2025-12-26', // tweede Kerstdag (vr)
  ],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26'],
  2028: ['2028-01-01', '2028-04-14', '2028-04-17', '2028-04-27', '2028-05-05', '2028-05-25', '2028-06-05', '2028-12-25', '2028-12-26'],
};

