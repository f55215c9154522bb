import { describe, expect, it } from 'vitest';
import { batch, computed, effect, signal } from './signals';

describe('signals', () => {
  it('runs an effect at once and after each change of what it read', () => {
    const count = signal(1);
    const seen: number[] = [];
    effect(() => void seen.push(count.value));
    count.value = 2;
    count.value = 2;
    count.value = 3;
    expect(seen).toEqual([1, 2, 3]);
  });

  it('follows only what the last run read', () => {
    const useA = signal(true);
    const a = signal('a');
    const b = signal('b');
    const seen: string[] = [];
    effect(() => void seen.push(useA.value ? a.value : b.value));
    b.value = 'b2';
    useA.value = false;
    a.value = 'a2';
    b.value = 'b3';
    expect(seen).toEqual(['a', 'b2', 'b3']);
  });

  it('computes lazily, once per change, and not again while nothing it read changed', () => {
    const n = signal(1);
    let runs = 0;
    const double = computed(() => (runs++, n.value * 2));
    expect(runs).toBe(0);
    expect([double.value, double.value, double.peek()]).toEqual([2, 2, 2]);
    expect(runs).toBe(1);
    n.value = 5;
    expect(runs).toBe(1);
    expect(double.value).toBe(10);
    expect(runs).toBe(2);
  });

  it('stops a change at a computed value that comes out the same', () => {
    const n = signal(1);
    const odd = computed(() => n.value % 2 === 1);
    const seen: boolean[] = [];
    effect(() => void seen.push(odd.value));
    n.value = 3;
    n.value = 4;
    expect(seen).toEqual([true, false]);
  });

  it('runs an effect once for a change that reaches it by two paths, and sees both updated', () => {
    const n = signal(1);
    const plus = computed(() => n.value + 1);
    const times = computed(() => n.value * 10);
    const seen: string[] = [];
    effect(() => void seen.push(`${plus.value}/${times.value}`));
    n.value = 2;
    expect(seen).toEqual(['2/10', '3/20']);
  });

  it('runs effects once after a batch, with its last values', () => {
    const a = signal(1);
    const b = signal(1);
    const seen: number[] = [];
    effect(() => void seen.push(a.value + b.value));
    const result = batch(() => {
      a.value = 2;
      b.value = 3;
      batch(() => (a.value = 4));
      expect(seen).toEqual([2]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([2, 7]);
  });

  it('does not make an effect depend on what it peeks', () => {
    const a = signal(1);
    const b = signal(1);
    const seen: number[] = [];
    effect(() => void seen.push(a.value + b.peek()));
    b.value = 2;
    a.value = 2;
    expect(seen).toEqual([2, 4]);
  });

  it('runs an effect that another effect changed, in the same flush', () => {
    const a = signal(1);
    const b = signal(0);
    const seen: number[] = [];
    effect(() => void (b.value = a.value * 2));
    effect(() => void seen.push(b.value));
    a.value = 2;
    expect(seen).toEqual([2, 4]);
  });

  it('stops an effect for good, even one already queued', () => {
    const a = signal(1);
    const seen: number[] = [];
    const stop = effect(() => void seen.push(a.value));
    batch(() => {
      a.value = 2;
      stop();
    });
    a.value = 3;
    expect(seen).toEqual([1]);
  });

  it('throws a first run’s error to the caller and keeps the other effects running after a later one', () => {
    const a = signal(1);
    expect(() => effect(() => void (a.value > 0 && (() => { throw new Error('first'); })()))).toThrow('first');
    const seen: number[] = [];
    effect(() => {
      if (a.value === 2) throw new Error('two');
    });
    effect(() => void seen.push(a.value));
    expect(() => (a.value = 2)).toThrow('two');
    expect(seen).toEqual([1, 2]);
    a.value = 3;
    expect(seen).toEqual([1, 2, 3]);
  });

  it('recomputes after a computation that threw, once its sources change', () => {
    const a = signal(0);
    const inverse = computed(() => {
      if (!a.value) throw new Error('zero');
      return 1 / a.value;
    });
    expect(() => inverse.value).toThrow('zero');
    a.value = 4;
    expect(inverse.value).toBe(0.25);
  });

  it('refuses an effect that keeps changing what it reads rather than hang', () => {
    const a = signal(0);
    const b = signal(0);
    effect(() => void (b.value = a.value + 1));
    expect(() => effect(() => void (a.value = b.value + 1))).toThrow(/keep changing/);
  });
});
