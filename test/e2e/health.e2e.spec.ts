import { startApi, type RunningApi } from '../support/api.js';

describe('GET /health', () => {
  let api: RunningApi;
  afterEach(() => api?.close());

  it('reports database and Redis up', async () => {
    api = await startApi();
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.redis.status).toBe('up');
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const previous = process.env.REDIS_URL;
    process.env.REDIS_URL = 'redis://127.0.0.1:9';
    try {
      api = await startApi();
    } finally {
      process.env.REDIS_URL = previous;
    }
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { details: Record<string, { status: string }> };
    expect(body.details.redis.status).toBe('down');
    expect(body.details.database.status).toBe('up');
  });
});
