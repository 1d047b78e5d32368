/**
 * The programme commands' progress bar: community-weeks done, with an ETA, on a terminal's stderr
 * (none when quiet, piped or printing JSON).
 */
export async function progressBar(
  show: boolean,
  total: number,
  label: string,
): Promise<{ update(done: number): void; stop(): void } | undefined> {
  if (!show || !process.stderr.isTTY) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | community-weeks {value}/{total} | {duration_formatted} | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
