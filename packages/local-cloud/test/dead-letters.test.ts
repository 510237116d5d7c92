import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DeadLetter, FileDeadLetters } from '../src/bus.js';

const letter = (id: string): DeadLetter => ({
  id: `fixture-countNotes|${id}`,
  subscriber: 'fixture-countNotes',
  error: 'Error: down',
  failedAt: '2019-03-01T01:00:00.000Z',
  envelope: {
    id,
    type: 'fixture.note.created',
    source: 'fixture',
    occurredAt: '2019-03-01T01:00:00.000Z',
    subject: `NOTE#${id}`,
    data: { noteId: id },
  } as unknown as DeadLetter['envelope'],
});

describe('dead letters in a file (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jz-dead-letters-'));
  afterEach(() => vi.restoreAllMocks());

  it('keeps letters across instances, one per subscriber and event, and forgets removed ones', () => {
    const file = join(dir, 'a', 'dead-letters.json');
    const first = new FileDeadLetters(file);
    first.put(letter('e1'));
    first.put(letter('e2'));
    first.put({ ...letter('e1'), error: 'Error: down again' });
    first.remove('fixture-countNotes|e2');
    const second = new FileDeadLetters(file);
    expect(second.list()).toEqual([{ ...letter('e1'), error: 'Error: down again' }]);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('sets an unreadable file aside and starts empty instead of failing to start', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const file = join(dir, 'dead-letters.json');
    writeFileSync(file, '[{"id": ');
    expect(new FileDeadLetters(file).list()).toEqual([]);
    expect(readdirSync(dir).some((name) => name.startsWith('dead-letters.json.unreadable-'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
