// Swedish: the default UI language. Every key here must exist in en.ts (enforced by the type and a test).
import { requestsSv } from './requests.sv';
import { datasetsSv } from './datasets.sv';
import { forecastSv } from './forecast.sv';
import { trendSv } from './trend.sv';
import { overlapSv } from './overlap.sv';
import { ratesSv } from './rates.sv';
import { letterSv } from './letter.sv';
import { disclosureSv } from './disclosure.sv';
import { backupSv } from './backup.sv';
import { compileSv } from './compile.sv';
import { guideSv } from './guide.sv';
import { uiSv } from './ui.sv';
import { helpSv } from './help.sv';
import { actionsSv } from './actions.sv';
import type { Widen } from './widen';
import { criteriaSv } from './criteria.sv';
import { answerSv } from './answer.sv';
import { studySv } from './study.sv';
export const sv = {
  app: {
    name: 'Antal',
    tagline: 'Antalsberäkningar för kliniska studier',
    skipToContent: 'Hoppa till innehållet',
    loading: 'Laddar…',
    demoBadge: 'Syntetiska demodata – inte verkliga patienter',
  },
  nav: {
    label: 'Huvudmeny',
    home: 'Svar',
    requests: 'Förfrågningar',
    datasets: 'Dataset',
    settings: 'Inställningar',
    about: 'Om Antal',
  },
  home: {
    title: 'Feasibility-svar',
    empty: 'Det finns ingen studie eller inget dataset ännu. Lägg till ett dataset under Dataset för att få ett svar.',
    study: 'Studie',
    sponsorReference: 'Sponsorns referens',
    dataset: 'Dataset',
    basis: 'Underlag',
    basisValue: '{{unit}}, {{kind}}, {{regionBasis}}, {{from}}–{{to}}',
    window: 'Rekryteringsfönster: {{years}} år',
    national: 'Hela riket',
    independenceNote: 'Bygger på andelar som antas vara oberoende – se Att tänka på.',
    nationalHint: 'Uppskattat antal patienter som uppfyller kriterierna under rekryteringsfönstret.',
    interval: 'intervall {{low}}–{{high}}',
    publishedTotal: 'Publicerad riksrad: {{value}} (summan av regionerna: {{sum}})',
    unknownRegion: 'Därtill {{value}} patienter med okänd region (ingår inte i riket ovan).',
    verdict: 'Chans att rekrytera {{target}} patienter på {{months}} månader',
    probability: 'Sannolikhet att nå målet: {{p}}',
    verdictRule: 'Regel: mycket goda om sannolikheten är minst {{veryGood}}, goda om minst {{good}}, annars små.',
    sites: '{{count}} prövningsställen, förväntat {{rate}} patienter per månad sammanlagt',
    perRegion: 'Antal per region',
    perRegionCaption: 'Uppskattat antal patienter per region (lägsta, punktskattning, högsta)',
    perHealthcareRegion: 'Antal per sjukvårdsregion',
    hallandRule: 'Halland fördelas efter kommunernas befolkning: {{sodra}} till Södra, {{vastra}} till Västra.',
    hallandAllTo: 'Hela Halland räknas till {{region}}.',
    attrition: 'Bortfall steg för steg',
    attritionCaption: 'Antal kvar efter varje kriterium, hela riket',
    chartTitle: 'Uppskattning per region med intervall',
    mapTitle: 'Karta: uppskattat antal patienter per region',
    mapLegend: 'Punktskattning, patienter',
    columns: {
      region: 'Region',
      healthcareRegion: 'Sjukvårdsregion',
      low: 'Lägst',
      point: 'Punktskattning',
      high: 'Högst',
      masked: 'Maskerade celler',
      step: 'Steg',
      type: 'Typ',
      remaining: 'Kvar',
      lost: 'Bortfall mot föregående',
      total: 'Antal (intervall)',
    },
    stepType: { base: 'Grundpopulation', inclusion: 'Inklusion', exclusion: 'Exklusion', assumption: 'Antagande', projection: 'Framskrivning' },
    mostLimiting: 'Mest begränsande steg',
    jointCount: 'regionens eget sammanräknade antal',
    warnings: {
      title: 'Att tänka på',
    },
  },
  verdict: {
    'very-good': 'Mycket goda',
    good: 'Goda',
    small: 'Små',
  },
  basis: {
    persons: 'personer',
    events: 'händelser',
    incident: 'nya fall (incidens)',
    prevalent: 'förekomst (prevalens)',
    residence: 'folkbokföringsregion',
    care: 'vårdregion',
  },
  requests: requestsSv,
  datasets: datasetsSv,
  settings: {
    title: 'Inställningar',
    language: 'Språk',
    languageHint: 'Gäller menyer, skärmar och nya brev.',
    unitProfile: 'Enhetens profil',
    unitProfileHint: 'Används i brevhuvud och underskrift på feasibility-brev.',
    unitName: 'Enhetens namn',
    address: 'Adress',
    signatoryName: 'Undertecknare',
    signatoryTitle: 'Undertecknarens titel',
    logo: 'Logotyp',
    logoHint: 'PNG eller SVG, högst 1 MB.',
    chooseLogo: 'Välj logotyp…',
    removeLogo: 'Ta bort logotyp',
    logoTooLarge: 'Filen {{name}} är {{size}} – logotypen får vara högst 1 MB.',
    logoWrongType: 'Filen {{name}} är inte en PNG- eller SVG-bild.',
    save: 'Spara',
    saved: 'Sparat {{time}}.',
    required: 'Fältet måste fyllas i.',
    halland: 'Halland i sjukvårdsregionerna',
    hallandLabel: 'Så räknas Hallands patienter',
    hallandSplit: 'Delas efter kommunernas befolkning (42 % Södra, 58 % Västra)',
    hallandSodra: 'Hela Halland till Södra',
    hallandVastra: 'Hela Halland till Västra',
    hallandHint: 'Halmstad, Hylte och Laholm hör till Södra; Kungsbacka, Varberg och Falkenberg till Västra. Regeln anges vid varje summering per sjukvårdsregion.',
    storage: 'Lagring',
    storagePersisted: 'Webbläsaren har lovat att inte rensa Antals data automatiskt.',
    storageNotPersisted: 'Webbläsaren kan rensa Antals data om disken blir full. Gör säkerhetskopior.',
    languageNames: { sv: 'svenska', en: 'engelska' },
    // Audit trail entries for changed settings, written in the language the user works in.
    audit: {
      language: 'Språk ändrat till {{language}}',
      halland: 'Regeln för Halland ändrad: {{choice}}',
      unitProfile: 'Enhetens profil ändrad: {{fields}}',
      policy: 'Röjandekontrollens policy ändrad till {{name}}, version {{version}} (k = {{k}})',
    },
  },
  about: {
    title: 'Om Antal',
    version: 'Version {{version}}',
    runtime: 'Körmiljö',
    electron: 'Electron {{electron}}, Chromium {{chrome}}, Node {{node}} ({{platform}})',
    web: 'Webbversion i {{agent}}',
    credits: 'Tredjepartsprogram',
    creditsIntro: 'Antal bygger på följande öppna programvara:',
    mapAttribution: 'Kartan över Sveriges regioner kommer från @svg-maps/sweden av Victor Cazanave (licens CC BY 4.0).',
    close: 'Stäng',
  },
  errors: {
    title: 'Något gick fel',
    cancelled: 'Avbrutet.',
    'forbidden-sender': 'Åtgärden nekades av säkerhetsskäl.',
    'invalid-argument': 'Ogiltig begäran.',
    io: 'Filen kunde inte läsas eller skrivas.',
    'too-large': 'Filen är för stor.',
    'not-requested': 'Säkerhetskopian togs inte emot: skrivbordsappen hade inte bett om någon.',
    internal: 'Ett internt fel inträffade.',
    database: 'Den lokala databasen kunde inte öppnas: {{detail}}',
  },
  criteria: criteriaSv,
  answer: answerSv,
  study: studySv,
  forecast: forecastSv,
  trend: trendSv,
  overlap: overlapSv,
  rates: ratesSv,
  letter: letterSv,
  disclosure: disclosureSv,
  backup: backupSv,
  compile: compileSv,
  guide: guideSv,
  ui: uiSv,
  help: helpSv,
  actions: actionsSv,
  language: { sv: 'Svenska', en: 'English' },
} as const;

export type Messages = Widen<typeof sv>;
