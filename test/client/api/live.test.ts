import { describe, expect, it } from 'vitest';
import { liveUrl, retryDelayMs } from '../../../client/src/api/live';

describe('the live feed client', () => {
  it("connects to the page's own origin at /graphql, over TLS when the page is", () => {
    expect(liveUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe('ws://localhost:4000/graphql');
    expect(liveUrl({ protocol: 'https:', host: 'wardwatch.example.vn' })).toBe('wss://wardwatch.example.vn/graphql');
  });

  it('waits longer after each failed attempt, up to half a minute', () => {
    const mid = () => 0.5; // no jitter
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => retryDelayMs(n, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(retryDelayMs(0, () => 0)).toBe(750);
    expect(retryDelayMs(0, () => 1)).toBe(1250);
  });
});
