// A progress bar on stderr when it is a terminal; silent when piped or in CI.
import cliProgress from 'cli-progress';
import type { Progress } from '../service/index.js';
import { noProgress } from '../service/index.js';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return noProgress;
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { stream, format: `${label.padEnd(10)} {bar} {value}${total ? '/{total}' : ''} {duration}s`, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total || 1, 0);
    },
    update(done) {
      if (!bar) return;
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
