declare module 'virtual:antal-build-info' {
  export const appVersion: string;
  export const credits: ReadonlyArray<{ name: string; version: string; license: string }>;
}
