import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.ts';
import { ApiProblemError } from './api-problem-error.ts';

let server: Server;
let url: string;

// Answers as the API's `authenticate` does: a token that is no key 400, an unknown one 401.
beforeAll(async () => {
  server = createServer((req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const [status, title, detail] = /^tdg_[A-Za-z0-9_-]{43}$/.test(token)
      ? [401, 'Unauthorized', 'This API key is not known.']
      : [
          400,
          'Bad request',
          'The Authorization header must be "Bearer tdg_…" with a key made by `tidings keys create`.',
        ];
    res.writeHead(status, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: `/docs/problems/x`, title, status, detail }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const refusal = async (key: string, keySource: '--key' | 'TIDINGS_KEY') => {
  const api = new ApiClient({ url, key, keySource, language: undefined });
  const error = await api.request('GET', '/v1/articles/a1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiProblemError);
  return error as ApiProblemError;
};

describe('ApiClient: a refused key', () => {
  it('says where an unknown key came from', async () => {
    const error = await refusal(`tdg_${'a'.repeat(43)}`, '--key');
    expect(error.status).toBe(401);
    expect(error.hints).toEqual(['  The key came from --key.']);
  });

  it('says where a malformed key came from too (--key or TIDINGS_KEY)', async () => {
    const fromFlag = await refusal('tdg_wrong', '--key');
    expect(fromFlag.status).toBe(400);
    expect(fromFlag.hints).toEqual(['  The key came from --key.']);
    expect((await refusal('tdg_wrong', 'TIDINGS_KEY')).hints).toEqual([
      '  The key came from TIDINGS_KEY.',
    ]);
  });
});
