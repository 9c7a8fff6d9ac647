export declare const CHROMIUM_PATH: string;
export declare const OFFLINE_CHROMIUM_ARGS: string[];
