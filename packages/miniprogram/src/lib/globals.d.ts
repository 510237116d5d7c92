/** Set by the build (scripts/build.ts). */
declare const JZ_API_BASE: string;
declare const JZ_DEV_SIGN_IN: boolean;
