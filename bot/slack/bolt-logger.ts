// Bolt and the Slack Web API client log through this adapter, so their lines land in our pino logger, not stdout.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger';

const LEVELS: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function createBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let log = logger.child({ component: 'slack' });
  const enabled = (at: LogLevel) => LEVELS.indexOf(at) >= LEVELS.indexOf(level);
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => enabled(LogLevel.DEBUG) && log.debug(line(msg)),
    info: (...msg: unknown[]) => enabled(LogLevel.INFO) && log.info(line(msg)),
    warn: (...msg: unknown[]) => enabled(LogLevel.WARN) && log.warn(line(msg)),
    error: (...msg: unknown[]) => enabled(LogLevel.ERROR) && log.error(line(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (name: string) => {
      log = logger.child({ component: name });
    },
  };
}
