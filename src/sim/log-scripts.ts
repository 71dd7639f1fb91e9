import { containerName, podIp, podName, sessionHex } from './k8s-names.js';
import { pick, unit } from './random.js';
import type { SimSession } from './types.js';

/** A line printer: given the simulated time (epoch ms) it was written at. */
export type LineAt = (ms: number) => string;

/** What a container prints: start-up lines (offsets in simulated seconds), periodic lines, and final lines. */
export interface LogScript {
  startup: Array<[number, LineAt]>;
  periodic?: { minSeconds: number; maxSeconds: number; line: (ms: number, k: number) => string };
  /** Headless only: lines printed when the command exits. */
  end?: (ms: number, failed: boolean, steps: number) => string[];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const jts = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);
const vnc = (ms: number): string => {
  const d = new Date(ms);
  return `${d.toUTCString().slice(0, 3)} ${d.toUTCString().slice(8, 11)} ${pad(d.getUTCDate())} ${clock(ms)} ${d.getUTCFullYear()}`;
};
const uuid = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/** The log script of a session, chosen by kind (headless by its command). */
export function logScript(s: SimSession, seed: number): LogScript {
  const pod = podName(s, seed);
  const ip = podIp(s, seed);
  const client = `10.${pick(0, 9, seed, s.id, 'cip')}.${pick(0, 255, seed, s.id, 'cip2')}.${pick(2, 254, seed, s.id, 'cip3')}`;
  const pickOf = <T>(items: T[], k: number, tag: string): T => items[Math.floor(unit(seed, s.id, tag, k) * items.length)];
  switch (s.kind) {
    case 'notebook': {
      const sa = (ms: number, level = 'I'): string => `[${level} ${jts(ms)} ServerApp]`;
      const files = ['analysis.ipynb', 'photometry.ipynb', 'Untitled.ipynb', 'spectra/fit.ipynb', 'notes.md'];
      return {
        startup: [
          [0, () => `Entered start.sh with args: jupyter lab --ServerApp.base_url=/session/notebook/${s.id}/ --ServerApp.root_dir=/`],
          [0.1, () => 'Executing the command: jupyter lab'],
          [0.6, (ms) => `${sa(ms)} jupyter_lsp | extension was successfully linked.`],
          [0.6, (ms) => `${sa(ms)} jupyter_server_terminals | extension was successfully linked.`],
          [0.7, (ms) => `${sa(ms)} jupyterlab | extension was successfully linked.`],
          [1.1, (ms) => `${sa(ms)} Serving notebooks from local directory: /`],
          [1.1, (ms) => `${sa(ms)} Jupyter Server 2.14.2 is running at:`],
          [1.1, (ms) => `${sa(ms)} http://${pod}:8888/session/notebook/${s.id}/lab?token=...`],
          [1.1, (ms) => `${sa(ms)} Use Control-C to stop this server and shut down all kernels (twice to skip confirmation).`],
        ],
        periodic: {
          minSeconds: 40,
          maxSeconds: 180,
          line: (ms, k) =>
            pickOf(
              [
                `${sa(ms)} Kernel started: ${uuid(sessionHex(s, seed, `k${k}`, 32))}`,
                `${sa(ms)} Saving file at /arc/home/${s.user}/${pickOf(files, k, 'file')}`,
                `${sa(ms)} Connecting to kernel ${uuid(sessionHex(s, seed, 'kernel', 32))}.`,
                `${sa(ms, 'W')} 404 GET /session/notebook/${s.id}/api/kernels/${uuid(sessionHex(s, seed, `g${k}`, 32))} (${client}) 1.${pick(10, 99, seed, s.id, k)}ms`,
              ],
              k,
              'nb',
            ),
        },
      };
    }
    case 'desktop':
      return {
        startup: [
          [0, () => `Starting desktop session for ${s.user}`],
          [0.3, (ms) => `\nXvnc TigerVNC 1.13.1 - built ${vnc(ms).slice(4)}`],
          [0.4, (ms) => `${vnc(ms)}\n vncext:      VNC extension running!`],
          [0.4, () => ' vncext:      Listening for VNC connections on all interface(s), port 5901'],
          [0.8, () => 'noVNC websockify: proxying from :6901 to localhost:5901'],
        ],
        periodic: {
          minSeconds: 60,
          maxSeconds: 300,
          line: (ms, k) =>
            k % 2 === 0
              ? `${vnc(ms)}\n Connections: accepted: ${client}::${pick(40000, 60000, seed, s.id, k)}`
              : `${vnc(ms)}\n Connections: closed: ${client}::${pick(40000, 60000, seed, s.id, k - 1)}`,
        },
      };
    case 'carta':
      return {
        startup: [
          [0, (ms) => `[${jts(ms)}] [carta] [info] CARTA version 5.0.0`],
          [0.2, (ms) => `[${jts(ms)}] [carta] [info] Using ${Math.max(1, Math.floor(s.resources.cpuLimit))} OpenMP worker threads`],
          [0.5, (ms) => `[${jts(ms)}] [carta] [info] Listening on port 3002 with top level folder /, starting folder /arc/home/${s.user}`],
        ],
        periodic: {
          minSeconds: 60,
          maxSeconds: 240,
          line: (ms, k) => `[${jts(ms)}] [carta] [info] Session ${k + 1} [${client}] ${k % 2 ? 'Deleted' : 'Connected'}. Num sessions: ${1 - (k % 2)}`,
        },
      };
    case 'firefly':
      return {
        startup: [
          [0, () => 'Starting Firefly (tomcat)...'],
          [
            2,
            (ms) => `${jts(ms)} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [${pick(3000, 9000, seed, s.id, 'tc')}] milliseconds`,
          ],
        ],
        periodic: {
          minSeconds: 90,
          maxSeconds: 400,
          line: (ms) => `${jts(ms)} INFO [http-nio-8080-exec-${pick(1, 9, seed, ms)}] Firefly: search request served`,
        },
      };
    case 'headless':
      return headlessScript(s, seed, pod);
    case 'desktop-app':
      return { startup: [[0, () => `Starting ${containerName(s)} on DISPLAY=${ip}:1`]] };
    default:
      return {
        startup: [[0, () => `Starting ${containerName(s)} on 0.0.0.0:5000`]],
        periodic: { minSeconds: 30, maxSeconds: 200, line: (ms) => `${client} - - [${jts(ms)}] "GET / HTTP/1.1" 200 -` },
      };
  }
}

function headlessScript(s: SimSession, seed: number, pod: string): LogScript {
  const cmd = s.cmd ?? '';
  if (cmd === 'env' || cmd.endsWith('/env')) {
    const env = [`HOSTNAME=${pod}`, `HOME=/arc/home/${s.user}`, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
    env.push(`OMP_NUM_THREADS=${Math.max(1, Math.floor(s.resources.cpuRequest))}`, ...s.env.map(([k, v]) => `${k}=${v}`));
    return { startup: env.map((line, i) => [i * 0.001, () => line]) };
  }
  if (cmd === 'echo' || cmd.endsWith('/echo')) return { startup: [[0, () => (s.args ?? []).join(' ')]] };
  const command = [cmd || '(image entrypoint)', ...(s.args ?? [])].join(' ');
  return {
    startup: [[0, (ms) => `[${clock(ms)}] starting: ${command}`]],
    periodic: {
      minSeconds: 3,
      maxSeconds: 6,
      line: (ms, k) =>
        `[${clock(ms)}] step ${k + 1}: processed ${pick(200, 5000, seed, s.id, 'rec', k)} records (${(unit(seed, s.id, 'mb', k) * 90 + 10).toFixed(1)} MB/s)`,
    },
    end: (ms, failed, steps) =>
      failed ? [`[${clock(ms)}] error: step ${steps + 1} failed`, 'command terminated with exit code 1'] : [`[${clock(ms)}] done: ${steps} steps`],
  };
}
