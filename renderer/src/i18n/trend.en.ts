import type { trendSv } from './trend.sv';
import type { Widen } from './widen';

// English texts of the trend area (same keys as trend.sv.ts).
export const trendEn: Widen<typeof trendSv> = {
  title: 'The change over the years',
  intro:
    'The number meeting the criteria the data can see, period by period, per region and for Sweden, with the average change per year over the window and whether the change is steady enough to extrapolate.',
  window: {
    label: 'Window for the trend',
    last: 'The last {{n}} periods ({{from}}–{{to}})',
    from: 'From {{period}} ({{n}} periods)',
    hint: 'The trend and the projection are computed over the window; it always ends with the latest period.',
  },
  average: 'Average change {{change}} a year ({{from}}–{{to}})',
  refused: 'No trend: {{reason}}',
  steady: 'Steady',
  unsteady: 'Not steady',
  noTrend: 'No trend',
  chart: {
    title: '{{name}}: {{measure}} per period, {{from}}–{{to}}',
    desc: "The dots are the periods' values; the dashed line is the trend over the window. Latest value: {{last}}.",
    descNoTrend: "The dots are the periods' values; no trend could be computed. Latest value: {{last}}.",
    noData: 'no data',
  },
  table: {
    summary: 'Show as a table',
    caption: '{{measure}} per period and region, with the average change per year over the window',
    series: 'Region',
    average: 'Change a year',
    verdict: 'Steady enough to extrapolate?',
    noValue: '–',
  },
  measure: {
    label: 'Show as',
    counts: 'Counts',
    rates: 'Per 100,000 inhabitants',
    legendCounts: 'Number of patients',
    legendRates: "Patients per 100,000 inhabitants of the criteria's age and sex",
    noPopulation: 'no population',
    nationalRate: "Sweden's value per 100,000 is computed from Sweden's count and population, not as a sum of the regions'.",
    populationPeriod: 'Population {{period}}',
    tableUnavailable: 'Per 100,000 needs a population table (choose it under Population table).',
  },
  projection: {
    legend: 'Projection',
    on: 'Project to the recruitment period',
    hint: "An assumption: the numbers are projected from the data's last period to the middle of the recruitment period (start {{start}}, {{months}} months) by the trend over the window, as a line of its own after the selection steps. Off until you turn it on.",
    level: 'Prediction interval',
    mode: 'Factor per region',
    modes: { national: "Sweden's trend for every region", 'per-region': "Each region's own trend (Sweden's where it has none)" },
    noPeriods: 'The data has no periods to fit a trend on.',
    refused: "The projection is on but was not made: {{reason}} The numbers are the data's own.",
    applied: 'The numbers after the line {{line}} are projected from {{from}} to the recruitment period ({{to}}): an assumption, not data.',
  },
  section: {
    title: 'Trend',
    intro: 'How the number has changed period by period, per region and for Sweden, and whether the change is steady enough to project.',
    show: 'Show the trend',
    hide: 'Hide the trend',
    cancel: 'Cancel',
    running: 'Computing the trend for every period …',
    cancelled: 'The computation was cancelled.',
    error: 'The trend could not be computed: {{message}}',
    done: 'The trend was computed in {{seconds}} s.',
  },
};
