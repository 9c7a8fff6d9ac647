// A map of Sweden's 21 regions shaded by eligible patients (the county shapes: @svg-maps/sweden, CC BY 4.0).
// In the sponsor view the shading uses only printed numbers; regions the policy hides are hatched.
import sweden from '@svg-maps/sweden';
import { memo } from 'react';
import type { DisclosedFigure } from '../../../../shared/disclosure';
import type { RegionEstimate } from '../../../../shared/estimate/types';
import { type CountyCode, regionName } from '../../../../shared/regions/regions';
import { SVG_MAP_IDS } from '../../../../shared/regions/svg-map';
import { formatCount, formatIntervalRange } from '../../format';
import { sameFigures, sameFiguresWith } from './same-figures';
import type { Language } from '../../../../shared/text/language';

/** Five classes from light to dark, by quintile, so a few large regions do not wash out the rest. */
const CLASSES = 5;

/** Quintile classes of the point estimates: class i holds the regions ranked in its fifth. */
function quantileClasses(values: number[]): { classOf(value: number): number; ranges: Array<[number, number]> } {
  const sorted = [...values].sort((a, b) => a - b);
  const uppers = Array.from({ length: CLASSES }, (_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / CLASSES) - 1)] ?? 0);
  const classOf = (value: number) => {
    const index = uppers.findIndex((upper) => value <= upper);
    return index === -1 ? CLASSES - 1 : index;
  };
  const ranges = uppers.map((upper, i): [number, number] => {
    const members = sorted.filter((v) => classOf(v) === i);
    return [members[0] ?? upper, members[members.length - 1] ?? upper];
  });
  return { classOf, ranges };
}

/** What the sponsor view adds: each region's disclosed figure, and the legend text and titles for hidden ones. */
export interface MapDisclosure {
  figures: ReadonlyMap<CountyCode, DisclosedFigure>;
  legend: string;
  title(name: string, figure: DisclosedFigure): string;
}

/** The number a region is shaded by, or null when the policy hides it (then it is hatched). */
function shadeValue(region: RegionEstimate, disclosure: MapDisclosure | undefined, round: boolean): number | null {
  if (!disclosure) return round ? Math.round(region.eligible.point) : region.eligible.point;
  const point = disclosure.figures.get(region.region)?.point;
  return point && (point.kind === 'shown' || point.kind === 'zero') ? (point.value ?? 0) : null;
}

function RegionMapView({ regions, title, language, legendTitle, disclosure, format }: RegionMapProps) {
  const write = format ?? ((v: number) => formatCount(v, language));
  const shown = regions.map((r) => shadeValue(r, disclosure, !format)).filter((v): v is number => v !== null);
  const { classOf, ranges } = quantileClasses(shown);
  const byId = new Map(regions.map((r) => [SVG_MAP_IDS[r.region], r]));
  const anyHidden = shown.length < regions.length;
  return (
    <figure className="map">
      <svg viewBox={sweden.viewBox} role="img" aria-labelledby="region-map-title" className="map-svg">
        <title id="region-map-title">{title}</title>
        {disclosure && <HatchPattern id="map-hatch" />}
        {sweden.locations.map((location) => {
          const region = byId.get(location.id);
          if (!region) {
            return (
              <path key={location.id} d={location.path} className="map-region map-nodata">
                <title>{location.name}</title>
              </path>
            );
          }
          const name = regionName(region.region, language);
          const value = shadeValue(region, disclosure, !format);
          const figure = disclosure?.figures.get(region.region);
          return (
            <path
              key={location.id}
              d={location.path}
              className={value === null ? 'map-region map-suppressed' : `map-region map-class-${classOf(value)}`}
              data-region={region.region}
              data-suppressed={value === null ? 'true' : undefined}
            >
              <title>
                {disclosure && figure ? disclosure.title(name, figure) : `${name}: ${write(region.eligible.point)} (${format ? `${write(region.eligible.low)}–${write(region.eligible.high)}` : formatIntervalRange(region.eligible, language)})`}
              </title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <span className="map-legend-title">{legendTitle}</span>
        <ul className="map-legend">
          {shown.length > 0 &&
            ranges.map(([low, high], i) =>
              // Classes that share their members with a neighbour (few distinct values) are not listed twice.
              i > 0 && ranges[i - 1]?.[1] === high ? null : (
                <li key={i}>
                  <span className={`map-swatch map-class-${i}`} aria-hidden="true" />
                  {low === high ? write(low) : `${write(low)}–${write(high)}`}
                </li>
              ),
            )}
          {disclosure && anyHidden && (
            <li data-testid="map-legend-suppressed">
              <svg className="map-swatch-hatch" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <HatchPattern id="map-legend-hatch" />
                <rect width="14" height="14" fill="url(#map-legend-hatch)" />
              </svg>
              {disclosure.legend}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

export interface RegionMapProps {
  regions: RegionEstimate[];
  title: string;
  language: Language;
  /** Says which measure the map shows (patients, or patients per 100 000). */
  legendTitle: string;
  disclosure?: MapDisclosure;
  /** Writes a region's value (default: whole patients; rates per 100 000 pass their own). */
  format?: (value: number) => string;
}

/** Every value the map writes with `format`: the regions' figures (the legend's ends are among them). */
const writtenValues = (p: Readonly<RegionMapProps>): number[] => p.regions.flatMap((r) => [r.eligible.low, r.eligible.point, r.eligible.high]);

/** Whether two sponsor views of the map shade and title every region alike. */
function sameDisclosure(a: MapDisclosure | undefined, b: MapDisclosure | undefined, regions: readonly RegionEstimate[], language: Language): boolean {
  if (a === b) return true;
  if (!a || !b || a.legend !== b.legend || !sameFigures(a.figures, b.figures)) return false;
  return regions.every((r) => {
    const figure = a.figures.get(r.region);
    const name = regionName(r.region, language);
    return !figure || a.title(name, figure) === b.title(name, figure);
  });
}

/**
 * Drawn again only when what it shows changes (the regions' figures, the titles, the sponsor view's shading): the
 * 21 county shapes are long paths, and an answer whose regions are unchanged (a site's rate was edited) is common.
 */
export const RegionMap = memo(
  RegionMapView,
  (a, b) =>
    sameFiguresWith<RegionMapProps>(a, b, { format: writtenValues }, ['disclosure']) &&
    sameDisclosure(a.disclosure, b.disclosure, a.regions, a.language),
);

function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" className="hatch-ground" />
        <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
      </pattern>
    </defs>
  );
}
