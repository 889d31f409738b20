// Public surface of the data model.
export * from './article.js';
export * from './context.js';
export * from './corpus.js';
export * from './diagnostics.js';
export * from './errors.js';
export * from './layer-ref.js';
export * from './raw-article.js';
export * from './span.js';
export * from './tokenize.js';
export * from './version.js';
export * from './asset-path.js';
