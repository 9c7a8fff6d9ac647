/**
 * The recruitment plan's part of the study file's migration from version 1 to version 2.
 *
 * Version 1 gave every site a share of its region's eligible patients (`shareOfRegion`, required) and, optionally,
 * a rate of its own (`ratePerMonth`) that replaced the rate derived from the share. Version 2 makes the rate per
 * month the input and the share a version 1 leftover. The migration keeps every site's meaning, so a migrated
 * study gives the same forecast:
 *
 * - a site with a rate of its own keeps the rate; its share is dropped (it never entered the forecast);
 * - a site with only a share keeps the share: its rate is still derived from the region's estimate, and the
 *   forecast and the app ask the coordinator to replace it with a rate (converting it needs the estimate, which
 *   a study file does not carry, so the migration cannot do it).
 *
 * Everything else in the plan is unchanged.
 */
import type { RecruitmentPlan, Site } from './study';

/** A site as version 1 wrote it. */
export type SiteV1 = Omit<Site, 'shareOfRegion'> & { shareOfRegion: number };

/** A recruitment plan as version 1 wrote it. */
export type RecruitmentPlanV1 = Omit<RecruitmentPlan, 'sites'> & { sites: SiteV1[] };

export function migrateRecruitmentPlanV1(plan: RecruitmentPlanV1): RecruitmentPlan {
  return {
    ...plan,
    sites: plan.sites.map((site): Site => {
      if (site.ratePerMonth === undefined) return { ...site };
      const { shareOfRegion: _unused, ...rest } = site;
      void _unused;
      return rest;
    }),
  };
}
