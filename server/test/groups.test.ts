import { describe, expect, it } from 'vitest';
import { joinGroup } from '../src/realtime/groups.ts';

describe('joinGroup', () => {
  it('keeps a key only while its group has members', () => {
    const groups = new Map<string, Set<number>>();
    const leaveOne = joinGroup(groups, 'u1', 1);
    const leaveTwo = joinGroup(groups, 'u1', 2);
    expect([...groups.get('u1')!]).toEqual([1, 2]);
    leaveOne();
    expect([...groups.get('u1')!]).toEqual([2]);
    leaveTwo();
    expect(groups.has('u1')).toBe(false);
  });

  it('leaving twice does not remove a group joined again since', () => {
    const groups = new Map<string, Set<number>>();
    const leave = joinGroup(groups, 'u1', 1);
    leave();
    joinGroup(groups, 'u1', 2);
    leave();
    expect([...groups.get('u1')!]).toEqual([2]);
  });
});
