// The Bus on Redis pub/sub: publish on the main connection, listen on a duplicate (a subscribed connection can't command).
import { Cluster } from 'ioredis';
import type { Logger } from '../logger';
import type { Bus } from '../ports';
import { closeRedis, watchHealth, type RedisClient } from './redis-client';
import type { RedisContext } from './redis-context';

export interface RedisBus extends Bus {
  close(): Promise<void>;
}

export function createRedisBus({ client, keys, call }: RedisContext, logger?: Logger): RedisBus {
  const handlers = new Map<string, Set<(message: string) => void>>();
  const subscribed = new Map<string, Promise<void>>();
  let subscriber: RedisClient | undefined;

  const listener = (): RedisClient => {
    if (subscriber) return subscriber;
    // Narrowed first: the two classes' duplicate() overloads can't be called through their union.
    const sub: RedisClient = client instanceof Cluster ? client.duplicate() : client.duplicate();
    watchHealth(sub, logger);
    sub.on('message', (channel: string, message: string) => {
      for (const handler of handlers.get(channel) ?? []) {
        try {
          handler(message);
        } catch (err) {
          logger?.warn({ err, channel }, 'bus subscriber threw');
        }
      }
    });
    subscriber = sub;
    return sub;
  };

  return {
    async publish(topic, message) {
      await call('bus.publish', () => client.publish(keys.channel(topic), message));
    },
    async subscribe(topic, onMessage) {
      const channel = keys.channel(topic);
      // A wrapper of its own, so the same function subscribed twice is called twice and unsubscribed once at a time.
      const entry = (message: string): void => onMessage(message);
      // Copy-on-write, so a handler unsubscribing during delivery doesn't disturb the loop over the set.
      handlers.set(channel, new Set([...(handlers.get(channel) ?? []), entry]));
      // Every subscriber of a channel waits for the one SUBSCRIBE, so none returns before messages can arrive.
      let ready = subscribed.get(channel);
      if (!ready) {
        ready = call('bus.subscribe', async () => void (await listener().subscribe(channel)));
        subscribed.set(channel, ready);
      }
      try {
        await ready;
      } catch (err) {
        subscribed.delete(channel);
        handlers.delete(channel);
        throw err;
      }
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        const rest = new Set([...(handlers.get(channel) ?? [])].filter((h) => h !== entry));
        if (rest.size > 0) return void handlers.set(channel, rest);
        handlers.delete(channel);
        subscribed.delete(channel);
        // Best effort: a subscription Redis lost with its connection needs no unsubscribing.
        await subscriber?.unsubscribe(channel).catch(() => undefined);
      };
    },
    async close() {
      handlers.clear();
      subscribed.clear();
      if (subscriber) await closeRedis(subscriber);
    },
  };
}
