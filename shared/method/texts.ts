/**
 * The method description in Swedish and English: one source for the in-app method page and the letter's method
 * section, so the two can never disagree. Placeholders are `{name}` (filled by `fill` from the letter's texts).
 * Each section has an "applied" wording (with the answer's own parameters) and a "generic" one for when no
 * answer is at hand or the section does not apply to it; only applied wordings ever reach a letter.
 */
import type { Language } from '../text/language';

const sv = {
  title_data: 'Data och urvalskriterier',
  title_intervals: 'Vad intervallen betyder',
  title_independence: 'Andelar som multipliceras (oberoende)',
  title_forecast: 'Rekryteringsprognosen',
  title_verdict: 'Bedömningen av rekryteringsmöjligheterna',
  title_disclosure: 'Röjandeskydd och dolda värden',
  method1:
    'Antalet bygger på anonymiserade, aggregerade antal per region, diagnoskod, kön, åldersgrupp och period. Kriterier som data kan se tillämpades cell för cell; en åldersgrupp som bara delvis ligger inom en åldersgräns bidrar med en andel och vidgar intervallet från noll till hela gruppen. Maskerade celler i källan (t.ex. "X" = 1–3) ingår som intervall.',
  method2: 'Kriterier som data inte kan se tillämpades som andelar med ett rimligt intervall och en angiven källa (se Antaganden).',
  methodIntervals:
    'Varje antal anges med ett lågt värde, en punktskattning och ett högt värde. Intervallet rymmer alla antal som är förenliga med data och antagandena: maskerade celler, åldersgrupper som delvis ligger inom en åldersgräns och andelarnas intervall. Det är inget statistiskt konfidensintervall; punktskattningen räknar med varje antagandes punktvärde. Rikets antal är summan av regionernas.',
  methodIndependence:
    'Andelarna för {steps} har multiplicerats med varandra. Det förutsätter att kriterierna är oberoende, vilket sällan stämmer exakt; det verkliga antalet kan avvika mer än intervallet visar.',
  methodIndependenceGeneric:
    'När två eller fler kriterier tillämpas som andelar multipliceras andelarna med varandra. Det förutsätter att kriterierna är oberoende, vilket sällan stämmer exakt; det verkliga antalet kan då avvika mer än intervallet visar, och svaret visar en varning.',
  methodRecruitment:
    'Prognosen använder Poisson–gamma-modellen (Anisimov & Fedorov 2007): varje klinik rekryterar som en Poissonprocess vars takt är gammafördelad (formparameter {alpha}). {how}',
  methodRecruitmentGeneric:
    'Prognosen använder Poisson–gamma-modellen (Anisimov & Fedorov 2007): varje klinik rekryterar som en Poissonprocess vars takt är gammafördelad. Formparametern anges för studien; en klinik med egen takt får den efter hur säker uppskattningen är (låg, medel, hög säkerhet: 1, 4, 16). När alla kliniker öppnar samtidigt med konstant takt beräknas sannolikheten exakt med modellens slutna uttryck; annars skattas den genom simulering med 10 000 körningar och ett fast frö, så samma studieversion ger alltid samma siffror.',
  methodClosedForm: 'Sannolikheten är beräknad exakt med modellens slutna uttryck.',
  methodSimulation: 'Sannolikheten är skattad genom simulering med {runs} körningar och fast frö {seed}, så samma studieversion ger alltid samma siffror.',
  methodSiteRate:
    'En kliniks takt är regionens möjliga deltagare per månad gånger klinikens andel, andelen som samtycker, (1 − screeningbortfall) och (1 − avhopp), eller klinikens egen angivna takt. Sen öppning och sommarmånader med lägre takt ingår.',
  methodVerdict:
    'Bedömningen besvarar Early Feedback Form fråga 2 utifrån sannolikheten att nå rekryteringsmålet i tid: mycket goda om sannolikheten är minst {veryGood}, goda om den är minst {good}, annars små.',
  methodVerdictGeneric:
    'Bedömningen besvarar Early Feedback Form fråga 2 utifrån sannolikheten att nå rekryteringsmålet i tid: mycket goda om sannolikheten når den övre gränsen, goda om den når den undre, annars små. Gränserna visas vid bedömningen och kan ändras för varje studie.',
  methodDisclosure:
    'Enligt patientdatalagen (2008:355) lämnas endast antal eller intervall av personer ut, aldrig uppgifter om enskilda. Små antal redovisas enligt röjandeskyddsregeln {policy} (version {version}).',
  methodDisclosureGeneric:
    'Enligt patientdatalagen (2008:355) lämnas endast antal eller intervall av personer ut, aldrig uppgifter om enskilda. Små antal redovisas enligt den röjandeskyddsregel som valts för enheten.',
  methodHidden:
    'Ett antal under regelns gräns, även ena änden av ett intervall, skrivs som en gräns eller ett band i stället för sitt värde. Om ett dolt antal skulle kunna räknas fram ur andra utskrivna siffror (sjukvårdsregioner, riket, bortfallet mellan urvalsstegen) döljs fler siffror, tills inget dolt antal går att räkna fram. Summor är summor av de utskrivna siffrorna.',
} as const;

export type MethodTextKey = keyof typeof sv;

const en: Record<MethodTextKey, string> = {
  title_data: 'Data and eligibility criteria',
  title_intervals: 'What the intervals mean',
  title_independence: 'Multiplied proportions (independence)',
  title_forecast: 'The recruitment forecast',
  title_verdict: 'The recruitment verdict',
  title_disclosure: 'Disclosure control and hidden values',
  method1:
    'The figures are based on anonymised aggregated counts by region, diagnosis code, sex, age band and period. Criteria the data can see were applied cell by cell; an age band that lies only partly within an age limit contributes a share and widens the interval from zero to the whole band. Cells masked in the source (e.g. "X" = 1–3) enter as intervals.',
  method2: 'Criteria the data cannot see were applied as proportions with a plausible range and a stated source (see Assumptions).',
  methodIntervals:
    'Every count is given as a low value, a point estimate and a high value. The interval holds every count consistent with the data and the assumptions: masked cells, age bands that lie partly within an age limit and the ranges of the proportions. It is not a statistical confidence interval; the point estimate uses each assumption\'s point value. The national count is the sum of the regions.',
  methodIndependence:
    'The proportions for {steps} were multiplied together. This assumes the criteria are independent, which is rarely exactly true; the real number may differ by more than the interval shows.',
  methodIndependenceGeneric:
    'When two or more criteria are applied as proportions, the proportions are multiplied together. This assumes the criteria are independent, which is rarely exactly true; the real number may then differ by more than the interval shows, and the answer shows a warning.',
  methodRecruitment:
    'The projection uses the Poisson–gamma model (Anisimov & Fedorov 2007): each site recruits as a Poisson process whose rate is gamma distributed (shape {alpha}). {how}',
  methodRecruitmentGeneric:
    'The projection uses the Poisson–gamma model (Anisimov & Fedorov 2007): each site recruits as a Poisson process whose rate is gamma distributed. The shape is set for the study; a site with its own rate gets it from how certain that estimate is (low, medium, high certainty: 1, 4, 16). When all sites open at once with constant rates the probability is computed exactly from the model\'s closed form; otherwise it is estimated by simulation with 10,000 runs and a fixed seed, so the same study version always gives the same figures.',
  methodClosedForm: 'The probability is computed exactly from the model\'s closed form.',
  methodSimulation: 'The probability is estimated by simulation with {runs} runs and the fixed seed {seed}, so the same study version always gives the same figures.',
  methodSiteRate:
    'A site\'s rate is its region\'s eligible patients per month times the site\'s share, the consent rate, (1 − screen failure) and (1 − dropout), or the site\'s own stated rate. Late openings and summer months with a lower rate are included.',
  methodVerdict:
    'The verdict answers Early Feedback Form question 2 from the probability of reaching the recruitment target in time: very good if the probability is at least {veryGood}, good if it is at least {good}, otherwise small.',
  methodVerdictGeneric:
    'The verdict answers Early Feedback Form question 2 from the probability of reaching the recruitment target in time: very good if the probability reaches the upper threshold, good if it reaches the lower one, otherwise small. The thresholds are shown with the verdict and can be changed for each study.',
  methodDisclosure:
    'Under the Swedish Patient Data Act (2008:355) only numbers or intervals of persons are disclosed, never data about individuals. Small numbers are shown according to the disclosure rule {policy} (version {version}).',
  methodDisclosureGeneric:
    'Under the Swedish Patient Data Act (2008:355) only numbers or intervals of persons are disclosed, never data about individuals. Small numbers are shown according to the disclosure rule chosen for the unit.',
  methodHidden:
    'A count below the rule\'s threshold, even one end of an interval, is printed as a limit or a band instead of its value. If a hidden count could be worked out from other printed figures (healthcare regions, the nation, the loss between selection steps), further figures are hidden until no hidden count can be worked out. Totals are sums of the printed figures.',
};

export const METHOD_TEXTS: Readonly<Record<Language, Readonly<Record<MethodTextKey, string>>>> = { sv, en };
