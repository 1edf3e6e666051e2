/**
 * An Azurite of one fault test's own, with its data in a temporary folder, that can be stopped and
 * started again on the same port and folder (the storage "goes away and comes back").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../shared/store';
import { freePort } from './net';

export class RestartableAzurite {
  private running?: RunningAzurite;

  private constructor(
    private readonly dir: string,
    private readonly port: number,
  ) {}

  /** A new one, started. */
  static async start(name: string): Promise<RestartableAzurite> {
    const azurite = new RestartableAzurite(mkdtempSync(path.join(tmpdir(), `wb-${name}-`)), await freePort());
    await azurite.up();
    return azurite;
  }

  get isUp(): boolean {
    return this.running !== undefined;
  }

  /** The same on every start (same port). */
  get connectionString(): string {
    if (!this.running) throw new Error('Azurite is down');
    return this.running.connectionString;
  }

  async up(): Promise<void> {
    this.running ??= await startAzurite({ location: path.join(this.dir, 'azurite'), port: this.port });
  }

  async down(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
  }

  /** A new folder next to its data (a test's files), removed with it. */
  folder(name: string): string {
    return mkdtempSync(path.join(this.dir, `${name}-`));
  }

  /** Stops it and removes its data. */
  async dispose(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
