// CPU time of this process for one call: bounds on work that a loaded machine's wall clock would make flaky.
export function cpuMsOf<T>(fn: () => T): { readonly value: T; readonly ms: number } {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}
