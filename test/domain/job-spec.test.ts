import { describe, expect, it } from 'vitest';
import { jobFromObject, jobToObject, mergeJobs } from '../../src/domain/job-spec.js';

const refused = (raw: unknown) => {
  try {
    jobFromObject(raw, 'job.yaml');
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('it was accepted');
};

describe('jobFromObject', () => {
  it('reads every key; env as a mapping or a list, args as text or a list', () => {
    expect(
      jobFromObject(
        {
          kind: 'Headless',
          image: 'skaha/terminal:1.1.1',
          name: 'fit',
          cores: 2,
          ram: 4,
          gpus: 1,
          replicas: 3,
          cmd: 'python',
          args: ['fit.py', '--fast'],
          env: { A: 1, B: 'x y', C: null },
          registry: 'configured',
        },
        'job.yaml',
      ),
    ).toEqual({
      kind: 'headless',
      image: 'skaha/terminal:1.1.1',
      name: 'fit',
      cores: 2,
      ram: 4,
      gpus: 1,
      replicas: 3,
      cmd: 'python',
      args: 'fit.py --fast',
      env: ['A=1', 'B=x y', 'C='],
      registry: 'configured',
    });
    expect(jobFromObject({ env: ['A=1'], args: 'a b' }, 'j')).toEqual({ env: ['A=1'], args: 'a b' });
  });

  it('refuses an unknown key, naming it and the file', () => {
    const error = refused({ kind: 'notebook', cpu: 2 });
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('job.yaml: unknown key "cpu" — a job file holds kind, image, name, cores, ram, gpus, replicas, cmd, args, env, registry');
    expect(refused({ __proto__: 1, ['constructor']: 2 }).message).toContain('unknown key "constructor"');
  });

  it('never takes registry credentials inline, whatever the key is called', () => {
    for (const raw of [{ registry: { username: 'u', secret: 's' } }, { registryAuth: 'dTpz' }, { secret: 's' }, { password: 'p' }, { token: 't' }]) {
      expect(refused(raw).message).toMatch(
        /^job\.yaml: registry credentials are never kept in a job file — configure them .* and write `registry: configured`/,
      );
    }
    expect(refused({ registry: 'alice' }).message).toBe('job.yaml: registry can only be `configured` (the registry credentials you configured)');
  });

  it('refuses wrong types and values over the bounds', () => {
    expect(refused({ cores: '2' }).message).toBe('job.yaml: cores must be a number');
    expect(refused({ kind: 'desktop-app' }).message).toContain('job.yaml: kind must be one of notebook');
    expect(refused({ image: 'x'.repeat(1001) }).message).toBe('job.yaml: image is longer than 1000 characters');
    expect(refused({ env: { 'A=B': 1 } }).message).toContain('a name must be non-empty and hold no "="');
    expect(refused({ env: { A: { nested: 1 } } }).message).toBe('job.yaml: env.A must be text');
    expect(refused({ env: Array.from({ length: 1001 }, (_, i) => `V${i}=1`) }).message).toBe('job.yaml: env holds more than 1000 variables');
    expect(refused(['kind']).message).toContain('a job file holds a mapping');
  });
});

describe('jobToObject and mergeJobs', () => {
  it('writes the keys in order, env as a mapping', () => {
    expect(Object.keys(jobToObject({ env: ['A=1'], name: 'n', kind: 'headless', registry: 'configured' }))).toEqual(['kind', 'name', 'env', 'registry']);
    expect(jobToObject({ env: ['A=1', 'B=2=3'] }).env).toEqual({ A: '1', B: '2=3' });
  });

  it('flags win over the file; env entries replace those of the same name', () => {
    expect(mergeJobs({ kind: 'headless', cores: 2, env: ['A=1', 'B=2'] }, { cores: 4, env: ['B=3', 'C=4'] })).toEqual({
      kind: 'headless',
      cores: 4,
      env: ['A=1', 'B=3', 'C=4'],
    });
  });
});
