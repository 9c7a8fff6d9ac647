// Swedish texts of the forecast area (same keys in forecast.en.ts).
export const forecastSv = {
} as const;
