/** A platform the API can track. Only `tiktok` exists today; the type leaves room for more. */
export type Platform = 'tiktok' | (string & {});
