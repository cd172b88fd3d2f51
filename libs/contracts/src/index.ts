export * from './enums.js';
export * from './priority.js';
export * from './auth.schema.js';
export * from './ticket.schema.js';
export * from './timeline.schema.js';
export * from './outbox.schema.js';
export * from './attachment.schema.js';
