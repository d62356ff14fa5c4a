// Slack's replay window, both ways: a request signed more than 5 minutes from now (past or future) gets 401.
// Bolt checks the signature and old timestamps; it lets far-future ones through, which a replayed capture could use.
import type { RequestHandler } from 'express';

export const SLACK_REPLAY_WINDOW_SECONDS = 5 * 60;

export function slackTimestampGuard(now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-slack-request-timestamp'];
    const signature = req.headers['x-slack-signature'];
    const ts = typeof header === 'string' && /^\d{1,12}$/.test(header) ? Number(header) : NaN;
    if (typeof signature !== 'string' || Number.isNaN(ts) || Math.abs(now() / 1000 - ts) > SLACK_REPLAY_WINDOW_SECONDS) {
      res.status(401).json({ error: 'invalid_request_signature' });
      return;
    }
    next();
  };
}
