import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolvePaths, type Paths } from '../../src/config/paths.js';

/** A throwaway HOME with optional canfar config, own config file and default proxy certificate. */
export interface TempHome {
  home: string;
  paths: Paths;
  /** An env with HOME and SKAHA_TUI_HOME pointing into the temp folder, and nothing else. */
  env: NodeJS.ProcessEnv;
  writeCanfarConfig(yaml: string): void;
  writeConfig(config: unknown): void;
  writeFile(relative: string, text: string): string;
  cleanup(): void;
}

/** Creates a TempHome. */
export function makeTempHome(): TempHome {
  const home = mkdtempSync(path.join(os.tmpdir(), 'skaha-home-'));
  const env: NodeJS.ProcessEnv = { HOME: home, SKAHA_TUI_HOME: path.join(home, 'sth') };
  const paths = resolvePaths(env);
  const writeFile = (relative: string, text: string): string => {
    const file = path.join(home, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  return {
    home,
    paths,
    env,
    writeFile,
    writeCanfarConfig: (yaml) => void writeFile('.canfar/config.yaml', yaml),
    writeConfig: (config) => {
      mkdirSync(paths.configDir, { recursive: true });
      writeFileSync(paths.configFile, typeof config === 'string' ? config : JSON.stringify(config));
    },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}
