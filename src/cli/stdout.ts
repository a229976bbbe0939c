/** Where the command line prints. Tests pass their own; the process's streams are guarded against closed pipes. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

let guarded = false;

/**
 * `juesuan check big.xlsx | head -1`: once the reader of our output is gone, a write fails with EPIPE. That is not an
 * error of ours: stop quietly (no stack, nothing more printed), as Unix tools do.
 */
function guardPipes(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

function write(stream: NodeJS.WriteStream, text: string): void {
  guardPipes();
  if (stream.destroyed || stream.writableEnded) return;
  stream.write(text);
}

export const processIo: Io = { out: (t) => write(process.stdout, t), err: (t) => write(process.stderr, t) };
