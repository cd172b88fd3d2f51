import { jest } from '@jest/globals';

// Browser tests get 60 s each unless they ask for more (jest.config.js says why).
jest.setTimeout(60_000);
