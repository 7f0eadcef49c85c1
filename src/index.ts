// client, errors, link helpers, wire types
export * from './client/index';

// metrics helpers
export * from './metrics/index';
