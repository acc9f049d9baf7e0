import cliProgress from 'cli-progress';

/** One direction of one variant starting (`score` absent) or done (with its chrF). */
export interface EvalStep {
  readonly variant: string;
  readonly direction: string;
  readonly chrF?: number | undefined;
}

/**
 * Progress of `tidings eval` on stderr: a bar naming the direction under way in a terminal;
 * elsewhere (a log, CI) one line per direction done, so a long run shows it is alive.
 *
 * @example
 * const progress = evalProgress(60);
 * progress.step({ variant: 'built-in fp32', direction: 'en-es', chrF: 41.2 });
 * progress.stop();
 */
export function evalProgress(total: number): { step: (step: EvalStep) => void; stop: () => void } {
  let done = 0;
  if (!process.stderr.isTTY) {
    return {
      step: ({ variant, direction, chrF }) => {
        if (chrF === undefined) return;
        done++;
        process.stderr.write(
          `  [${done}/${total}] ${variant} ${direction}: chrF ${chrF.toFixed(1)}\n`,
        );
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: '  translating the test set [{bar}] {value}/{total} directions  {now}',
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { now: '' });
  return {
    step: ({ variant, direction, chrF }) => {
      if (chrF === undefined) bar.update(done, { now: `${variant} ${direction}` });
      else bar.update(++done, { now: `${variant} ${direction}` });
    },
    stop: () => bar.stop(),
  };
}
