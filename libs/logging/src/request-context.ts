import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What travels with one unit of work (an HTTP request or one consumed event), so that every log
 * line and every event it causes carries the same correlation id without passing it by hand.
 */
export interface RequestContextValues {
  requestId: string;
  personId?: string;
}

const storage = new AsyncLocalStorage<RequestContextValues>();

export const RequestContext = {
  run<T>(values: RequestContextValues, work: () => T): T {
    return storage.run(values, work);
  },
  current(): RequestContextValues | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};
