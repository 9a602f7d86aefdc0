import { Readable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import {
  compressionFromMediaType,
  decompressLayer,
  sniffCompression,
  zlibHasZstd,
} from '../../src/image/decompress.js';
import { blobStream, filler, gzip, tarLayer, zstd } from '../support/tar-fixtures.js';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The first bytes one at a time, then the rest: the sniffer must gather its head across chunks. */
function trickle(bytes: Buffer): Readable {
  const chunks: Buffer[] = [...bytes.subarray(0, 5)].map((byte) => Buffer.from([byte]));
  chunks.push(bytes.subarray(5));
  return Readable.from(chunks);
}

describe('compressionFromMediaType', () => {
  test.each([
    ['application/vnd.oci.image.layer.v1.tar', 'none'],
    ['application/vnd.oci.image.layer.v1.tar+gzip', 'gzip'],
    ['application/vnd.oci.image.layer.v1.tar+zstd', 'zstd'],
    ['application/vnd.oci.image.layer.nondistributable.v1.tar+gzip', 'gzip'],
    ['application/vnd.docker.image.rootfs.diff.tar', 'none'],
    ['application/vnd.docker.image.rootfs.diff.tar.gzip', 'gzip'],
    ['application/vnd.docker.image.rootfs.foreign.diff.tar.gzip', 'gzip'],
    ['application/vnd.docker.image.rootfs.diff.tar.zstd', 'zstd'],
    ['application/vnd.in-toto+json', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (mediaType, expected) => {
    expect(compressionFromMediaType(mediaType)).toBe(expected);
  });
});

describe('sniffCompression', () => {
  test.each([
    ['gzip magic', [0x1f, 0x8b, 0x08, 0x00], 'gzip'],
    ['gzip magic alone', [0x1f, 0x8b], 'gzip'],
    ['zstd frame magic', [0x28, 0xb5, 0x2f, 0xfd], 'zstd'],
    ['zstd skippable frame', [0x50, 0x2a, 0x4d, 0x18], 'zstd'],
    ['zstd skippable frame, last of the range', [0x5f, 0x2a, 0x4d, 0x18], 'zstd'],
    ['a tar name', [...Buffer.from('etc/')], undefined],
    ['zstd magic cut short', [0x28, 0xb5, 0x2f], undefined],
    ['nothing', [], undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffCompression(Uint8Array.from(bytes))).toBe(expected);
  });
});

describe('decompressLayer', () => {
  const entries = [
    { dir: 'usr/share/doc' },
    { file: 'usr/share/doc/big.txt', content: filler(300_000, 1) },
    { file: 'usr/share/doc/zeros', content: Buffer.alloc(200_000) },
  ];

  test.each(['application/vnd.oci.image.layer.v1.tar', undefined, 'x/y'])(
    'gzip, by its bytes, under any media type: %p',
    async (mediaType) => {
      const tar = await tarLayer(entries);
      const layer = await decompressLayer(trickle(gzip(tar)), { mediaType });
      expect(layer.compression).toBe('gzip');
      expect(layer.zstdDecoder).toBeUndefined();
      expect((await collect(layer.tar)).equals(tar)).toBe(true);
    },
  );

  test('gzip of several members (as `cat a.gz b.gz` makes) is read whole', async () => {
    const tar = await tarLayer(entries);
    const blob = Buffer.concat([gzip(tar.subarray(0, 100_000)), gzip(tar.subarray(100_000))]);
    const layer = await decompressLayer(blobStream(blob, 7777));
    expect((await collect(layer.tar)).equals(tar)).toBe(true);
  });

  test('zstd by fzstd, forced', async () => {
    const tar = await tarLayer(entries);
    const layer = await decompressLayer(trickle(zstd(tar)), { zstd: 'fzstd' });
    expect(layer).toMatchObject({ compression: 'zstd', zstdDecoder: 'fzstd' });
    expect((await collect(layer.tar)).equals(tar)).toBe(true);
  });

  test('zstd of two frames, in small chunks, by fzstd', async () => {
    const tar = await tarLayer(entries);
    const blob = Buffer.concat([zstd(tar.subarray(0, 250_000)), zstd(tar.subarray(250_000))]);
    const layer = await decompressLayer(blobStream(blob, 1000), { zstd: 'fzstd' });
    expect((await collect(layer.tar)).equals(tar)).toBe(true);
  });

  (zlibHasZstd() ? test : test.skip)('zstd by zlib, forced (Node >= 22.15)', async () => {
    const tar = await tarLayer(entries);
    const layer = await decompressLayer(trickle(zstd(tar)), { zstd: 'zlib' });
    expect(layer).toMatchObject({ compression: 'zstd', zstdDecoder: 'zlib' });
    expect((await collect(layer.tar)).equals(tar)).toBe(true);
  });

  test('auto takes zlib when this Node has zstd in it, else fzstd', async () => {
    const layer = await decompressLayer(blobStream(zstd(await tarLayer(entries))));
    expect(layer.zstdDecoder).toBe(zlibHasZstd() ? 'zlib' : 'fzstd');
    await collect(layer.tar);
  });

  (zlibHasZstd() ? test.skip : test)('forcing zlib on a Node without zstd in it says so', async () => {
    await expect(decompressLayer(blobStream(zstd(Buffer.from('x'))), { zstd: 'zlib' })).rejects.toThrow(
      `this Node (${process.version}) has no zstd in zlib`,
    );
  });

  test('a plain tar passes through unchanged, whatever the media type says', async () => {
    const tar = await tarLayer(entries);
    const layer = await decompressLayer(trickle(tar), {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    });
    expect(layer.compression).toBe('none');
    expect((await collect(layer.tar)).equals(tar)).toBe(true);
  });

  test('a blob too short to sniff goes by its media type', async () => {
    const short = () => blobStream(Buffer.from('abc'));
    const asGzip = await decompressLayer(short(), {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    });
    expect(asGzip.compression).toBe('gzip');
    await expect(collect(asGzip.tar)).rejects.toThrow('incorrect header check');
    const asTar = await decompressLayer(short(), { mediaType: 'application/vnd.oci.image.layer.v1.tar' });
    expect(asTar.compression).toBe('none');
    expect((await collect(asTar.tar)).toString()).toBe('abc');
    expect((await decompressLayer(short())).compression).toBe('none');
  });

  test('a truncated zstd stream is an error (fzstd)', async () => {
    const blob = zstd(await tarLayer(entries));
    const layer = await decompressLayer(blobStream(blob.subarray(0, blob.length - 10)), { zstd: 'fzstd' });
    await expect(collect(layer.tar)).rejects.toThrow('unexpected EOF');
  });

  (zlibHasZstd() ? test : test.skip)('a truncated zstd stream is an error (zlib)', async () => {
    const blob = zstd(await tarLayer(entries));
    const layer = await decompressLayer(blobStream(blob.subarray(0, blob.length - 10)), { zstd: 'zlib' });
    await expect(collect(layer.tar)).rejects.toThrow('unexpected end of file');
  });

  test('corrupt gzip is an error', async () => {
    const blob = gzip(await tarLayer(entries));
    blob.fill(0x55, 100, 200);
    const layer = await decompressLayer(blobStream(blob));
    await expect(collect(layer.tar)).rejects.toMatchObject({ code: 'Z_DATA_ERROR' });
  });

  test('an error of the blob stream reaches the reader of the tar', async () => {
    const blob = gzip(await tarLayer(entries));
    const source = new Readable({ read() {} });
    source.push(blob.subarray(0, 5000));
    const layer = await decompressLayer(source);
    source.destroy(new Error('connection reset'));
    await expect(collect(layer.tar)).rejects.toThrow('connection reset');
  });

  test('a blob stream that failed or closed before its first bytes rejects', async () => {
    const failed = new Readable({ read() {} });
    failed.on('error', () => {});
    failed.destroy(new Error('403 Forbidden'));
    await expect(decompressLayer(failed)).rejects.toThrow('403 Forbidden');
    const closed = new Readable({ read() {} });
    setImmediate(() => closed.destroy());
    await expect(decompressLayer(closed)).rejects.toThrow('the layer blob stream closed before its end');
  });

  test('an error of the blob stream before its first bytes rejects', async () => {
    const source = new Readable({ read() {} });
    setImmediate(() => source.destroy(new Error('401 Unauthorized')));
    await expect(decompressLayer(source)).rejects.toThrow('401 Unauthorized');
  });
});
