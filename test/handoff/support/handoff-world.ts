// The world of an end-to-end handoff suite: a Bot Framework serviceUrl sink for the user's side, a help-desk
// recorder, and the whole bot (buttons brain unless given) between them, started before the suite and stopped after.
import { startServiceUrlSink, type ServiceUrlSink } from '../../support/service-url-sink';
import { removeDataDir } from '../../support/start-bot';
import { createButtonsBrain } from './buttons-brain';
import { startHandoffBot, type HandoffBot, type HandoffBotOptions } from './handoff-bot';
import { startHelpdeskRecorder, type HelpdeskRecorder } from './helpdesk-recorder';

export interface HandoffWorld {
  readonly sink: ServiceUrlSink;
  readonly recorder: HelpdeskRecorder;
  readonly bot: HandoffBot;
}

/** Registers beforeAll/afterAll; the returned world is filled in before the suite's first test. `env` may use the recorder's URL. */
export function useHandoffWorld(options: Omit<HandoffBotOptions, 'brain' | 'env'> & {
  readonly brain?: HandoffBotOptions['brain'];
  readonly env: (recorderUrl: string) => Readonly<Record<string, string>>;
}): HandoffWorld {
  const world = {} as { sink: ServiceUrlSink; recorder: HelpdeskRecorder; bot: HandoffBot };
  beforeAll(async () => {
    [world.sink, world.recorder] = await Promise.all([startServiceUrlSink(), startHelpdeskRecorder()]);
    world.bot = await startHandoffBot({ ...options, brain: options.brain ?? createButtonsBrain(), env: options.env(world.recorder.url) });
  });
  afterAll(async () => {
    await world.bot.stop();
    await removeDataDir(world.bot.dataDir);
    await Promise.all([world.sink.close(), world.recorder.close()]);
  });
  return world;
}
