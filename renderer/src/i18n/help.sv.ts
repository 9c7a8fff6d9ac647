// Swedish texts of the help area (same keys in help.en.ts): help tips, the method page, shortcuts, the help overlay.
export const helpSv = {
  topbar: {
    help: 'Hjälp',
    method: 'Metod',
  },
  tip: {
    readMore: 'Läs mer i metodbeskrivningen',
    interval: {
      label: 'Vad betyder intervallet?',
      text: 'Intervallet går från det lägsta till det högsta antal som stämmer med data och antagandena: maskerade celler, åldersgrupper som delvis ligger inom en åldersgräns och andelarnas intervall. Punktskattningen räknar med varje antagandes punktvärde. Det är inget statistiskt konfidensintervall.',
    },
    regionInterval: {
      label: 'Vad betyder intervallen per region?',
      text: 'Varje region har ett lågt värde, en punktskattning och ett högt värde, beräknade på samma sätt som rikets. Rikets antal är summan av regionernas.',
    },
    hidden: {
      label: 'Varför döljs vissa värden?',
      text: 'Små antal får inte lämna enheten: de visas som en gräns eller ett band enligt röjandeskyddsregeln. Om ett dolt antal skulle kunna räknas fram ur summor döljs fler värden.',
    },
    independence: {
      label: 'Vad betyder varningen om oberoende?',
      text: 'Flera kriterier är tillämpade som andelar som multipliceras med varandra. Det förutsätter att de är oberoende, vilket sällan stämmer exakt; det verkliga antalet kan avvika mer än intervallet visar.',
    },
    forecast: {
      label: 'Hur räknas prognosen?',
      text: 'Varje klinik rekryterar med en osäker takt (Poisson–gamma-modellen). Sannolikheten att målet nås före slutdatum är beräknad exakt, med intervallen (t.ex. avhopp) som fördelningar, så samma studie alltid ger samma siffror.',
    },
    verdict: {
      label: 'Vilken regel ger bedömningen?',
      text: 'Bedömningen (Early Feedback Form fråga 2) kommer från sannolikheten att nå målet i tid, jämförd med studiens två gränser: mycket goda över den övre, goda över den undre, annars små.',
    },
  },
  method: {
    title: 'Metodbeskrivning',
    intro: 'Samma text som svarsbrevets metodavsnitt: brevet tar med de avsnitt som gäller svaret.',
    current: 'Uppgifterna gäller det senast öppnade svaret: {{title}} (version {{version}}).',
    generic: 'Det finns inget svar att hämta uppgifter från, så texten är allmän.',
    notApplied: 'Gäller inte det aktuella svaret och står därför inte i dess brev; texten är allmän.',
    contents: 'Innehåll',
    loadError: 'Svarets uppgifter kunde inte läsas ({{detail}}); texten är allmän.',
  },
  shortcuts: {
    help: 'Visa kortkommandon och hjälp',
    'new-request': 'Ny förfrågan',
    import: 'Importera fil (sidan Dataset)',
    'export-letter': 'Exportera svarsbrevet',
    search: 'Sök bland förfrågningar',
    'go-requests': 'Gå till Förfrågningar',
    'go-datasets': 'Gå till Dataset',
    'go-settings': 'Gå till Inställningar',
  },
  overlay: {
    title: 'Kortkommandon och hjälp',
    intro: 'Tangenterna fungerar överallt utom när du skriver i ett textfält eller en lista.',
    key: 'Tangent',
    action: 'Vad som händer',
    menu: 'Meny i skrivbordsappen',
    then: 'sedan',
    or: 'eller',
    none: '–',
    browserNote: 'I webbläsaren kan Ctrl+N, Ctrl+T och Ctrl+W inte fångas: webbläsaren använder dem själv. Använd därför tangenterna utan Ctrl; i skrivbordsappen fungerar också menyernas kortkommandon.',
    method: 'Läs metodbeskrivningen',
    close: 'Stäng',
  },
  live: {
    newRequestFailed: 'Förfrågan kunde inte skapas: {{detail}}',
    noLetter: 'Det finns inget svarsbrev att exportera på den här sidan. Öppna ett svar under Svar först.',
    letterDisabled: 'Brevet kan inte exporteras just nu: {{reason}}',
    letterBusy: 'ett brev skapas redan eller svaret räknas om.',
    noSearch: 'Sökfältet hittades inte.',
    noImport: 'Importknappen hittades inte.',
  },
} as const;
