// The Bus for single-process stores (memory, SQLite): an EventEmitter that delivers asynchronously, like pub/sub would.
import { EventEmitter } from 'node:events';
import type { Logger } from '../logger';
import type { Bus } from '../ports';

export interface InProcessBus extends Bus {
  /** Drops every subscription (store close). */
  clear(): void;
}

export function createInProcessBus(options: { readonly logger?: Logger; readonly guard?: () => void } = {}): InProcessBus {
  const emitter = new EventEmitter();
  // Many Direct Line streams may watch one topic; the default cap of 10 would print a false leak warning.
  emitter.setMaxListeners(0);
  const check = options.guard ?? (() => undefined);

  return {
    async publish(topic, message) {
      check();
      // Delivered after the publisher's own code runs on, as with Redis: a subscriber never re-enters its publisher.
      queueMicrotask(() => emitter.emit(topic, message));
    },
    async subscribe(topic, onMessage) {
      check();
      const listener = (message: string): void => {
        try {
          onMessage(message);
        } catch (err) {
          options.logger?.warn({ err, topic }, 'bus subscriber threw');
        }
      };
      emitter.on(topic, listener);
      let active = true;
      return async () => {
        if (active) emitter.off(topic, listener);
        active = false;
      };
    },
    clear() {
      emitter.removeAllListeners();
    },
  };
}
