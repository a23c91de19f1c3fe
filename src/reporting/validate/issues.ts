/** One problem in a report: where (FHIRPath-like element path with indices), which rule, and message parameters. */
export interface Issue { path: string; rule: string; params?: Record<string, string | number> }

export const issue = (path: string, rule: string, params?: Record<string, string | number>): Issue => (params ? { path, rule, params } : { path, rule });

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
