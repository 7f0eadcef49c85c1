// client, errors, link helpers, wire types
export * from './client/index.js';

// metrics helpers
export * from './metrics/index.js';
