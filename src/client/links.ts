// The link rules live in the shared leaf, where the proxy and the local API read them too.

export type { InvalidVideoLink, ParsedVideoLink, ValidVideoLink } from '../shared/links.js';
export { isValidVideoLink, parseVideoLink } from '../shared/links.js';
