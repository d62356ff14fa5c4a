// The benchmark's baseline, run as a child process: a bare botbuilder echo bot on express 5 + CloudAdapter, no
// storage, no NLU, no logging. Same framework, same HTTP path (`POST /api/messages`, reply to the serviceUrl).
import express from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

const port = Number(process.env.PORT ?? 0);
/** ECHO_REPLIES=3 sends three activities per turn, as many as the bot mid-flow: what the replies alone cost. */
const replies = Math.max(1, Number(process.env.ECHO_REPLIES ?? 1));
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const logic = async (context: TurnContext): Promise<void> => {
  if (context.activity.type !== 'message') return;
  const text = `echo: ${context.activity.text ?? ''}`;
  if (replies === 1) await context.sendActivity(text);
  else await context.sendActivities(Array.from({ length: replies }, () => ({ type: 'message', text })));
};

const app = express();
app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
app.post('/api/messages', express.json(), async (req, res) => {
  await adapter.process(req, res, logic);
});
const server = app.listen(port, '127.0.0.1', (err?: Error) => {
  if (err) {
    console.error(`echo bot: ${err.message}`);
    process.exit(1);
  }
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
