/** A client-made id (time + randomness, 26 characters), so a visit sent twice is the same visit. */
export function newClientId(prefix: string, now: () => number = Date.now, random: () => number = Math.random): string {
  const time = now().toString(36).padStart(9, '0');
  let tail = '';
  while (tail.length < 16) tail += Math.floor(random() * 36).toString(36);
  return `${prefix}-${time}${tail}`;
}
