import type { forecastSv } from './forecast.sv';
import type { Widen } from './widen';

// English texts of the forecast area (same keys as forecast.sv.ts).
export const forecastEn: Widen<typeof forecastSv> = {
};
