import { afterAll } from 'vitest';

// Preact schedules effects with requestAnimationFrame plus a 100 ms timeout fallback; let those timers
// run while jsdom's globals still exist, in every file of the preact project (regression: "cancelAnimationFrame
// is not defined" thrown after a component suite's teardown)
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 150));
});
