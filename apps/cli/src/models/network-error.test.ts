import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { networkFailure } from './network-error.ts';

const deadPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });

describe('networkFailure', () => {
  it('names the reason when nothing answers', async () => {
    const error = await fetch(`http://127.0.0.1:${await deadPort()}/`).catch((e: unknown) => e);
    expect(networkFailure(error)).toMatch(/ECONNREFUSED/);
  });

  it('says a timeout is one', () => {
    expect(networkFailure(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(
      'no answer in time',
    );
  });

  it('finds the network failure under an error that wraps it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    const wrapped = new Error('Model X is not available', {
      cause: new TypeError('fetch failed', { cause: refused }),
    });
    expect(networkFailure(wrapped)).toBe('connect ECONNREFUSED 127.0.0.1:9');
  });

  it('leaves other errors alone', () => {
    expect(networkFailure(new Error('Could not locate file: config.json (404)'))).toBeUndefined();
  });
});
