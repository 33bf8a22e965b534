import { api, send } from './client';

export interface HeadlineFigures {
  period: { from: string; to: string };
  learnersEnrolled: number;
  workshops: { held: number; participants: number };
  festivals: { held: number; visitors: number };
  webinars: { held: number; participants: number };
  perCountry: Array<{ country: string; learners: number; participants: number }>;
}

export interface StreamedEvent {
  seq: string;
  id: string;
  type: string;
  subject: string | null;
  time: string;
  occurredAt: string;
  country: string | null;
  data: Record<string, unknown>;
}

/** A period an analyst published: the public sees the figures of published periods only. */
export interface PublishedPeriod {
  period: { from: string; to: string };
  publishedAt: string;
}

export const analyticsApi = {
  /** Public: the published periods, the latest first. */
  published: () => api<PublishedPeriod[]>('analytics/results/published'),
  /** Public, counts only: the figures of a published period (the latest without one), computed live. */
  headline: (period?: { from: string; to: string }) => api<HeadlineFigures>('analytics/results/headline', { query: period }),
  publish: (year: string) => api<PublishedPeriod>('analytics/results/publications', { method: 'POST', body: { year } }),
  asyncApi: () => api<Record<string, unknown>>('analytics/streams/asyncapi.json'),
  download: (path: string, query: Record<string, string | undefined>) => send(`analytics/${path}`, { query }),
};

/**
 * Reads the server-sent events stream with fetch rather than EventSource, because EventSource cannot
 * send the bearer token. Reconnects after a dropped connection from the last id seen, as EventSource would.
 */
export function tailEvents(
  filters: { type?: string; country?: string },
  onEvent: (event: StreamedEvent) => void,
  onState: (state: 'open' | 'reconnecting' | 'failed', error?: unknown) => void,
): () => void {
  const abort = new AbortController();
  let lastId: string | undefined;
  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const response = await send('analytics/streams/events', { query: { type: filters.type, country: filters.country, after: lastId } });
        onState('open');
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (id && data) {
              lastId = id;
              onEvent({ ...(JSON.parse(data) as Omit<StreamedEvent, 'seq'>), seq: id });
            }
          }
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        if ((error as { status?: number }).status && (error as { status: number }).status < 500) {
          onState('failed', error);
          return;
        }
      }
      if (abort.signal.aborted) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
  return () => abort.abort();
}
