declare module 'virtual:antal-build-info' {
  export const appVersion: string;
  export const credits: ReadonlyArray<{ name: string; version: string; license: string }>;
}

declare module '@svg-maps/sweden' {
  const map: { label: string; viewBox: string; locations: ReadonlyArray<{ id: string; name: string; path: string }> };
  export default map;
}

/** Set by the build: true in the browser build, which has an offline service worker (sw.js) to register. */
declare const __ANTAL_SERVICE_WORKER__: boolean;
