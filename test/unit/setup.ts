import { configure } from '@testing-library/preact';

// The popup's other tabs load on first use (views.ts): on a loaded 2-core machine the first load
// can take more than the default second. Waiting longer asserts nothing about speed.
configure({ asyncUtilTimeout: 10_000 });
