// "1 row", "2 rows", "2 must fix": one helper for every count a person reads (CLI, popup, options),
// with the plural given where adding "s" is wrong.
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
