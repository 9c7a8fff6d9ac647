// Swedish texts for which dimensions of a dataset overlap (same keys in overlap.en.ts): asked at import and
// editable on the dataset page.
export const overlapSv = {
  legend: 'Kan en person räknas under flera värden?',
  explanation:
    'Markera en kolumn om samma person kan finnas under flera av dess värden (ett barn som hämtat ut två läkemedel, en patient med två diagnoser, en person som vårdats i två regioner under året). Då är en summa över värdena inte ett antal personer, och flera värden tillsammans blir ett intervall från det största till summan.',
  dimension: '{{label}}: värdena kan överlappa',
  defaultNote: '(förval)',
  none: 'Datasetet har ingen kolumn med värden som kan överlappa (kön, åldersgrupper och perioder gör det aldrig).',
  saved: 'Sparat: {{summary}}',
  audit: 'Överlappande värden i dataset "{{name}}" ändrade: {{list}}',
  auditNone: 'inga',
  failed: 'Ändringen kunde inte sparas: {{detail}}',
} as const;
