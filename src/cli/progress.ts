// Progress of long work on a terminal ("检查报告 1234 / 10000"), redrawn in
// place at most a few times a second; nothing at all when output is a log
// (CI, a pipe), so logs stay short.
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (now - last < 200 && done < total) return;
      last = now;
      shown = true;
      stream.write(`\r${label} ${done} / ${total}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** Time since `start` (a performance.now() reading) as the logs show it: “12.3 秒”. */
export const secondsSince = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} 秒`;
