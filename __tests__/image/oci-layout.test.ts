/**
 * The OCI layout source over hand-made layouts: directories written here, and tars packed
 * here with tar-stream (plus raw GNU long-name headers, which tar-stream does not write).
 * Real buildx layouts are read in __tests__/e2e/oci-layout-lab.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';
import type { Image } from '../../src/image/model.js';
import { BlobDigestError, OciLayoutError, indexTar, openOciLayout } from '../../src/image/oci-layout.js';
import type { ImageSource } from '../../src/oci/source.js';
import { loadImage } from '../../src/image/load.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';

/** Typed, so the expected image is checked against the model too. */
const expectImage = (actual: Image, expected: Image) => expect(actual).toEqual(expected);
const sha256 = (body: Buffer | string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;
const hex = (digest: string) => digest.slice('sha256:'.length);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'oci-layout-test-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

type TarHeader = Partial<Header> & Pick<Header, 'name'>;

interface TarItem {
  header: TarHeader;
  body?: Buffer | string;
}

/** A tar of the items, in order, as tar-stream packs it (PAX headers where ustar cannot hold a name). */
async function packTar(items: readonly TarItem[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve) => tar.on('end', resolve));
  for (const item of items) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolve());
      if (item.body !== undefined) tar.entry(item.header, Buffer.from(item.body), done);
      else tar.entry(item.header, done);
    });
  }
  tar.finalize();
  await ended;
  return Buffer.concat(chunks);
}

const file = (name: string, body: Buffer | string, extra: Partial<Header> = {}): TarItem => ({
  header: { name, type: 'file', size: Buffer.byteLength(body), mode: 0o444, mtime: new Date(0), ...extra },
  body,
});

/** One 512-byte GNU-format header (magic `ustar  `), checksum filled in. */
function gnuHeader(name: string, type: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name.slice(0, 100), 0, 'utf8');
  header.write('0000444\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write(type, 156);
  header.write('ustar  \0', 257, 'latin1');
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

const padded = (body: Buffer) => Buffer.concat([body, Buffer.alloc((512 - (body.length % 512)) % 512)]);

/** A GNU `L` long-name record followed by the file it names (name truncated in its own header). */
function gnuLongNameFile(name: string, body: string): Buffer {
  const longName = Buffer.from(`${name}\0`);
  return Buffer.concat([
    gnuHeader('././@LongLink', 'L', longName.length),
    padded(longName),
    gnuHeader(name, '0', Buffer.byteLength(body)),
    padded(Buffer.from(body)),
  ]);
}

const withoutEnd = (tar: Buffer) => {
  expect(tar.subarray(tar.length - 1024).every((byte) => byte === 0)).toBe(true);
  return tar.subarray(0, tar.length - 1024);
};

describe('indexTar', () => {
  const prefixed = `deep/${'a'.repeat(60)}/${'b'.repeat(60)}/file.txt`; // 135 chars: ustar prefix + name
  const paxName = `blobs/sha256/${'p'.repeat(120)}`; // a 120-char component: only PAX can hold it
  const gnuName = `gnu/${'g'.repeat(140)}`;

  async function handMadeTar(): Promise<Buffer> {
    const first = await packTar([
      file('oci-layout', '{"imageLayoutVersion":"1.0.0"}'),
      { header: { name: 'blobs/', type: 'directory', mode: 0o755, mtime: new Date(0) } },
      file(prefixed, 'prefixed'),
      file(paxName, 'pax'),
    ]);
    const last = await packTar([
      {
        header: {
          name: 'link-to-layout',
          type: 'link',
          linkname: 'oci-layout',
          mode: 0o444,
          mtime: new Date(0),
        },
      },
      file('empty', ''),
      file('./dot/prefixed', 'dot'),
    ]);
    return Buffer.concat([withoutEnd(first), gnuLongNameFile(gnuName, 'gnu'), last]);
  }

  test('offsets and sizes of every regular file, whatever header form named it', async () => {
    const tar = await handMadeTar();
    const path = join(work, 'hand-made.tar');
    writeFileSync(path, tar);
    const entries = await indexTar(path);
    // Headers are 512 bytes, data is padded to 512: each offset below is counted by hand.
    expect(Object.fromEntries(entries)).toEqual({
      'oci-layout': { offset: 512, size: 30 }, // header 0, data 512
      // 'blobs/' (a directory) header at 1024: not a file
      [prefixed]: { offset: 2048, size: 8 }, // header 1536
      [paxName]: { offset: 4096, size: 3 }, // PAX header 2560, PAX records 3072, header 3584
      [gnuName]: { offset: 6144, size: 3 }, // L header 4608, name 5120, header 5632
      'link-to-layout': { offset: 512, size: 30 }, // hard link header 6656: the target's bytes
      empty: { offset: 7680, size: 0 }, // header 7168
      'dot/prefixed': { offset: 8192, size: 3 }, // header 7680
    });
    for (const [name, { offset, size }] of entries) {
      const expected = {
        'oci-layout': '{"imageLayoutVersion":"1.0.0"}',
        'link-to-layout': '{"imageLayoutVersion":"1.0.0"}',
        [prefixed]: 'prefixed',
        [paxName]: 'pax',
        [gnuName]: 'gnu',
        empty: '',
        'dot/prefixed': 'dot',
      }[name];
      expect(tar.subarray(offset, offset + size).toString()).toBe(expected);
    }
  });

  test('PAX headers on every entry (as some tools write), and a tar without its end marker', async () => {
    const tar = await packTar([
      file('a', 'alpha', { pax: { comment: 'forced' } }),
      file('b', 'bravo', { pax: { 'SCHILY.xattr.user.x': 'y' } }),
    ]);
    const path = join(work, 'pax-everywhere.tar');
    writeFileSync(path, withoutEnd(tar));
    expect(Object.fromEntries(await indexTar(path))).toEqual({
      a: { offset: 1536, size: 5 }, // PAX header 0, records 512, header 1024
      b: { offset: 3584, size: 5 }, // PAX header 2048, records 2560, header 3072
    });
  });

  test.each<[string, () => Promise<Buffer>, string]>([
    [
      'a gzip-compressed tar',
      async () => gzipSync(await packTar([file('a', 'alpha')])),
      'is gzip-compressed: decompress it first (gunzip), then measure the tar',
    ],
    [
      'bytes that are no tar',
      async () => Buffer.alloc(2048, 0x41),
      'is not a tar archive (bad header checksum at byte 0)',
    ],
    ['a file shorter than a tar header', async () => Buffer.from('{}'), 'is not a tar archive (2 bytes)'],
    [
      'a tar cut inside a file',
      async () => (await packTar([file('a', 'alpha'), file('b', 'x'.repeat(2000))])).subarray(0, 2048),
      'is truncated: the entry at byte 1024 runs past its end',
    ],
  ])('%s is an error', async (name, make, message) => {
    const path = join(work, `${name.replace(/\W+/g, '-')}.tar`);
    writeFileSync(path, await make());
    const error = await indexTar(path).catch((e) => e);
    expect(error).toBeInstanceOf(OciLayoutError);
    expect(error.message).toBe(`${path} ${message}`);
  });
});

/** A tiny image: one platform, two layers (bytes need not be real tars to be measured). */
function tinyImage() {
  const layers = [Buffer.from('first layer bytes'), Buffer.from('second layer, a little longer')];
  const config = Buffer.from(
    JSON.stringify({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8',
      history: [
        { created_by: 'COPY base / # buildkit' },
        { created_by: 'ENV A=1', empty_layer: true },
        { created_by: 'RUN /bin/sh -c make # buildkit' },
      ],
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
      layers: layers.map((layer) => ({ mediaType: OCI_GZIP, digest: sha256(layer), size: layer.length })),
    }),
  );
  return { layers, config, manifest, blobs: [...layers, config, manifest] };
}

const image = tinyImage();
const manifestDigest = sha256(image.manifest);
const indexJson = (manifests: object[]) =>
  JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });
const namedManifest = {
  mediaType: OCI_MANIFEST,
  digest: manifestDigest,
  size: image.manifest.length,
  platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
  annotations: {
    'io.containerd.image.name': 'example.com/app:v1',
    'org.opencontainers.image.ref.name': 'v1',
  },
};

type Layout = Record<string, Buffer | string>;

function layoutFiles(index: string = indexJson([namedManifest]), blobs = image.blobs): Layout {
  const files: Layout = { 'oci-layout': '{"imageLayoutVersion":"1.0.0"}', 'index.json': index };
  for (const blob of blobs) files[`blobs/sha256/${hex(sha256(blob))}`] = blob;
  return files;
}

function writeDirectory(name: string, files: Layout): string {
  const root = join(work, name);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  return root;
}

async function writeTar(name: string, files: Layout, prefix = ''): Promise<string> {
  const path = join(work, `${name}.tar`);
  writeFileSync(path, await packTar(Object.entries(files).map(([p, body]) => file(prefix + p, body))));
  return path;
}

const layouts: [string, (name: string, files: Layout) => Promise<string>][] = [
  ['directory', async (name, files) => writeDirectory(name, files)],
  ['tar', (name, files) => writeTar(name, files)],
  ['tar with ./ names', (name, files) => writeTar(name, files, './')],
];

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(layouts)('an OCI layout as a %s', (kind, write) => {
  const slug = kind.replace(/\W+/g, '-');
  let path: string;
  let source: ImageSource;
  beforeAll(async () => {
    path = await write(`layout-${slug}`, layoutFiles());
    source = await openOciLayout(path);
  });

  test('its name is the path; loadImage reads the one image it holds', async () => {
    expect(source.name).toBe(path);
    expectImage(await loadImage(source, ''), {
      ref: path,
      digest: manifestDigest,
      mediaType: OCI_MANIFEST,
      platforms: [
        {
          platform: 'linux/arm64/v8',
          manifestDigest,
          configDigest: sha256(image.config),
          layers: [
            {
              digest: sha256(image.layers[0]!),
              mediaType: OCI_GZIP,
              compressed: 17,
              createdBy: 'COPY base / # buildkit',
            },
            {
              digest: sha256(image.layers[1]!),
              mediaType: OCI_GZIP,
              compressed: 29,
              createdBy: 'RUN /bin/sh -c make # buildkit',
            },
          ],
          compressed: 17 + 29,
        },
      ],
    });
  });

  test.each(['', 'v1', 'example.com/app:v1', manifestDigest])(
    'manifest(%j) is the image manifest',
    async (ref) => {
      expect(await source.manifest(ref)).toEqual({
        digest: manifestDigest,
        mediaType: OCI_MANIFEST,
        body: image.manifest,
      });
    },
  );

  test('an unknown name lists the names the layout has', async () => {
    await expect(source.manifest('v2')).rejects.toThrow(
      new OciLayoutError(`${path} has no image named v2; its names are v1`),
    );
  });

  test('blobs, whole and streamed, are their bytes', async () => {
    expect(await source.blob(sha256(image.config))).toEqual(image.config);
    expect(await readAll(await source.blobStream(sha256(image.layers[1]!)))).toEqual(image.layers[1]);
  });

  test('a missing blob is refused', async () => {
    const missing = sha256('not in the layout');
    await expect(source.blobStream(missing)).rejects.toThrow(`${path} has no blob ${missing}`);
  });

  test.each(['sha256:../../../etc/passwd', `md5:${'0'.repeat(32)}`, 'latest'])(
    'a digest that is no digest is refused: %s',
    async (digest) => {
      await expect(source.blobStream(digest)).rejects.toThrow(
        `${path}: ${JSON.stringify(digest)} is not a sha256 or sha512 digest`,
      );
    },
  );

  test('a blob whose bytes do not match its digest errors while streaming, naming the digest', async () => {
    const layer = image.layers[0]!;
    const tampered = Buffer.from(layer);
    tampered[0] = tampered[0]! ^ 0x01;
    const files = layoutFiles();
    files[`blobs/sha256/${hex(sha256(layer))}`] = tampered;
    const bad = await openOciLayout(await write(`tampered-${slug}`, files));
    const expected = `${bad.name}: blob ${sha256(layer)} does not match its digest: its bytes hash to ${sha256(tampered)}`;

    const error = await readAll(await bad.blobStream(sha256(layer))).catch((e) => e);
    expect(error).toBeInstanceOf(BlobDigestError);
    expect(error.message).toBe(expected);
    expect(error.digest).toBe(sha256(layer));
    await expect(bad.blob(sha256(layer))).rejects.toThrow(expected);
  });
});

describe('layouts with several images, and what is not a layout', () => {
  test('several images: "" is index.json itself, walked to every image', async () => {
    const second = tinyImage();
    second.config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64' }));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        config: { mediaType: OCI_CONFIG, digest: sha256(second.config), size: second.config.length },
        layers: [{ mediaType: OCI_GZIP, digest: sha256(second.layers[0]!), size: 17 }],
      }),
    );
    const index = indexJson([
      namedManifest,
      // No platform and no mediaType field in the manifest itself: both are found anyway.
      { mediaType: OCI_MANIFEST, digest: sha256(manifest), size: manifest.length },
    ]);
    const path = await writeTar('two-images', layoutFiles(index, [...image.blobs, second.config, manifest]));
    const source = await openOciLayout(path);

    const top = await source.manifest('');
    expect(top).toEqual({ digest: sha256(index), mediaType: OCI_INDEX, body: Buffer.from(index) });
    const loaded = await loadImage(source, '');
    expect(loaded.digest).toBe(sha256(index));
    expect(loaded.platforms.map((p) => [p.platform, p.compressed])).toEqual([
      ['linux/arm64/v8', 46],
      ['linux/amd64', 17],
    ]);
    // A manifest index.json does not list gets its media type from its shape.
    expect((await source.manifest(sha256(manifest))).mediaType).toBe(OCI_MANIFEST);
  });

  test('two images with the same name are ambiguous', async () => {
    const index = indexJson([namedManifest, { ...namedManifest, digest: sha256(image.config) }]);
    const source = await openOciLayout(writeDirectory('ambiguous', layoutFiles(index)));
    await expect(source.manifest('v1')).rejects.toThrow(
      `2 images are named v1: ${manifestDigest}, ${sha256(image.config)}`,
    );
  });

  test('a path that does not exist', async () => {
    const path = join(work, 'nothing-here');
    const error = await openOciLayout(path).catch((e) => e);
    expect(error).toBeInstanceOf(OciLayoutError);
    expect(error.message).toBe(
      `OCI layout ${path} cannot be read: ENOENT: no such file or directory, stat '${path}'`,
    );
  });

  const notLayouts: [string, Layout, (path: string) => string][] = [
    [
      'no-marker',
      { 'index.json': indexJson([]) },
      (path) => `${path} is not an OCI image layout: it has no oci-layout file`,
    ],
    [
      'wrong-version',
      { 'oci-layout': '{"imageLayoutVersion":"2.0.0"}', 'index.json': indexJson([]) },
      (path) => `${path}: its oci-layout file does not say imageLayoutVersion 1.x`,
    ],
    [
      'no-index',
      { 'oci-layout': '{"imageLayoutVersion":"1.0.0"}' },
      (path) => `${path} is not an OCI image layout: index.json: no index.json`,
    ],
    [
      'bad-index',
      { 'oci-layout': '{"imageLayoutVersion":"1.0.0"}', 'index.json': '{"schemaVersion":2,"manifests":7}' },
      (path) => `${path}, index.json: manifests must be an array, got number 7`,
    ],
  ];
  test.each(
    notLayouts.flatMap(([name, files, message]) =>
      (['directory', 'tar'] as const).map((form) => ({ name, files, message, form })),
    ),
  )('not a layout: $name ($form)', async ({ name, files, message, form }) => {
    const path =
      form === 'directory'
        ? writeDirectory(`broken-${name}`, files)
        : await writeTar(`broken-${name}`, files);
    const error = await openOciLayout(path).catch((e) => e);
    expect(error.message).toBe(message(path));
  });

  test('every file of a packed layout is indexed at its bytes', async () => {
    const files = layoutFiles();
    const path = await writeTar('index-check', files);
    const entries = await indexTar(path);
    const tar = readFileSync(path);
    for (const [name, body] of Object.entries(files)) {
      const entry = entries.get(name)!;
      expect(tar.subarray(entry.offset, entry.offset + entry.size)).toEqual(Buffer.from(body));
    }
    expect(entries.size).toBe(Object.keys(files).length);
  });
});
