/**
 * A stand-in for an object a jest beforeAll creates later, so a test file can destructure its handles
 * at the top. Every property read forwards to the real object; methods stay bound to it.
 */
export function late<T extends object>(name: string, get: () => T | undefined): T {
  const real = (): T => {
    const value = get();
    if (!value) throw new Error(`${name} is not running (not requested, or used before beforeAll)`);
    return value;
  };
  return new Proxy({} as T, {
    get(_target, prop) {
      const target = real();
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
