// Vitest setup: jest-dom matchers and an in-memory IndexedDB for every unit/component test.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
