export declare const SWEDEN_MAP: {
  readonly label: string;
  readonly viewBox: string;
  readonly locations: ReadonlyArray<{ readonly id: string; readonly name: string; readonly path: string }>;
};
