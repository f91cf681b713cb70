import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { starterSpec } from '../init/starter-spec.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'Write a starter spec for a new service that validates and builds as it is.',
  usage: 'monspec init [DIR] [--service NAME] [--force]',
  options: {
    service: { type: 'string', help: 'Service name (lowercase, dashes); default: the directory\'s parent name or "my-service".' },
    force: { type: 'boolean', help: 'Write into a directory that already has files (overwrites the starter\'s files).' },
  },
  positionals: { min: 0, max: 1 },
  examples: ['monspec init monitoring --service checkout', 'monspec init && monspec validate --spec monitoring'],
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0] ?? 'monitoring');
    const guess = basename(resolve(dir, '..')).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    const service = stringOpt(args, 'service') ?? (/^[a-z][a-z0-9-]*$/.test(guess) ? guess : 'my-service');
    if (!/^[a-z][a-z0-9-]*$/.test(service)) throw new UsageError(`Unexpected service name "${service}", expected lowercase letters, digits and dashes`);
    if (existsSync(dir) && readdirSync(dir).length > 0 && !boolOpt(args, 'force')) {
      throw new UsageError(`Unexpected non-empty directory ${dir}, expected an empty or new one (or --force)`);
    }
    mkdirSync(dir, { recursive: true });
    const files = starterSpec(service);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    io.err(`wrote ${Object.keys(files).length} spec files for ${service} to ${dir}`);
    io.err(`next: monspec validate --spec ${args.positionals[0] ?? 'monitoring'} && monspec build --spec ${args.positionals[0] ?? 'monitoring'} --out generated`);
    return EXIT.ok;
  },
};
