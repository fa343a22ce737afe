// vitest 5 targets Node 22 and calls Map.groupBy when it prints failed tests; on Node 20 that
// throws inside the reporter and the reason a test failed is lost. Preloaded into the vitest
// process by `npm run test:unit`. Does nothing on a Node that has them.
'use strict';
function groupBy(items, key) {
  const groups = new Map();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}
if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', { value: groupBy, writable: true, configurable: true });
}
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    value: (items, key) => Object.assign(Object.create(null), Object.fromEntries(groupBy(items, key))),
    writable: true,
    configurable: true,
  });
}
