/**
 * Sets kept by key, where a key lives only while its set has members: the listeners of one user,
 * the sockets of one session. Empty groups are removed so that a long-running process does not
 * keep a key for every user or session it has ever seen.
 */
export function joinGroup<K, V>(groups: Map<K, Set<V>>, key: K, member: V): () => void {
  let members = groups.get(key);
  if (!members) groups.set(key, (members = new Set()));
  members.add(member);
  return () => {
    members.delete(member);
    if (members.size === 0 && groups.get(key) === members) groups.delete(key);
  };
}
